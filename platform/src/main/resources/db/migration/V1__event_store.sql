-- Axon's JDBC event storage engine (ADR 0002). Payloads and metadata are JSON bytes in bytea, never large objects.
create table domainevententry (
    globalindex         bigserial    not null primary key,
    eventidentifier     varchar(255) not null unique,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null unique,
    timestamp           varchar(255) not null,
    payloadtype         varchar(255) not null,
    payloadrevision     varchar(255),
    payload             bytea        not null,
    metadata            bytea,
    primary key (aggregateidentifier, sequencenumber)
);

create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

create table sagaentry (
    sagaid         varchar(255) not null primary key,
    revision       varchar(255),
    sagatype       varchar(255),
    serializedsaga bytea
);

create table associationvalueentry (
    id               bigserial    not null primary key,
    associationkey   varchar(255) not null,
    associationvalue varchar(255),
    sagatype         varchar(255),
    sagaid           varchar(255)
);
create index associationvalueentry_saga on associationvalueentry (sagatype, associationkey, associationvalue);
create index associationvalueentry_id on associationvalueentry (sagaid, sagatype);

-- An auditor reads the store directly: decode a payload with convert_from(payload, 'UTF8').
create view event_log as
select globalindex,
       aggregateidentifier          as aggregate_id,
       sequencenumber               as sequence,
       payloadtype                  as event_type,
       timestamp                    as recorded_at,
       convert_from(metadata, 'UTF8') as metadata,
       convert_from(payload, 'UTF8')  as payload
from domainevententry;
