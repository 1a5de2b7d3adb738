-- Command side: legacy messages (legacy.commands.v1) already handled, by CloudEvent id. Written in the same
-- transaction as the command they caused, so a redelivered message is applied exactly once.
create table legacy_message (
    message_id   varchar(255)             not null primary key,
    type         varchar(255)             not null,
    outcome      varchar(16)              not null, -- APPLIED or PARKED (sent to legacy.commands.v1.dlq)
    processed_at timestamp with time zone not null
);
create index legacy_message_processed_at on legacy_message (processed_at);
