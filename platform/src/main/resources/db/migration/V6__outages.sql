-- Command side: one outage per legacy reference, guarded by the primary key.
create table outage_reference (
    external_ref text not null primary key,
    outage_id    uuid not null
);

-- Query side: the outage board. view is the OutageView as dispatch and the assigned crew see it.
create table outage_view (
    outage_id        uuid                     not null primary key,
    status           varchar(32)              not null,
    assigned_crew_id varchar(255),
    device_id        text                     not null,
    created_at       timestamp with time zone not null,
    view             jsonb                    not null,
    last_event       bigint                   not null
);
create index outage_view_status on outage_view (status);
create index outage_view_crew on outage_view (assigned_crew_id, status);

-- Query side: which crew has worked on which device, one row per outage it was assigned to.
create table outage_visit (
    outage_id uuid         not null,
    crew_id   varchar(255) not null,
    device_id text         not null,
    primary key (outage_id, crew_id)
);
create index outage_visit_device on outage_visit (device_id, crew_id);

-- Query side: what customers may see, rendered once per change so that a storm's peak costs one key lookup.
create table public_outage (
    outage_id  uuid             not null primary key,
    open       boolean          not null,
    lat        double precision not null,
    lon        double precision not null,
    body       text             not null,
    etag       varchar(64)      not null,
    last_event bigint           not null
);
create index public_outage_open_position on public_outage (lat, lon) where open;

-- Query side: crews as an admin registered them, for crew suggestions.
create table crew_profile (
    crew_id    varchar(255) not null primary key,
    name       text         not null,
    skills     text[]       not null,
    last_event bigint       not null
);
