-- Command side: at most one armed timer per crew member, guarded by the primary key.
create table armed_timer (
    crew_member_id varchar(255) not null primary key,
    alert_id       uuid         not null
);

-- Command side: each crew member's last known location; the newest fix by device time wins.
create table crew_location (
    crew_member_id varchar(255)             not null primary key,
    lat            double precision         not null,
    lon            double precision         not null,
    accuracy_m     double precision,
    recorded_at    timestamp with time zone not null,
    received_at    timestamp with time zone not null
);

-- Query side: the alert board. view is what dispatch sees, owner_view what the owning crew member sees.
create table alert_view (
    alert_id       uuid                     not null primary key,
    crew_member_id varchar(255)             not null,
    status         varchar(32)              not null,
    owner_status   varchar(32)              not null,
    created_at     timestamp with time zone not null,
    view           text                     not null,
    owner_view     text                     not null,
    last_event     bigint                   not null
);
create index alert_view_status on alert_view (status);
create index alert_view_owner on alert_view (crew_member_id, owner_status);
create index alert_view_last_event on alert_view (last_event);
