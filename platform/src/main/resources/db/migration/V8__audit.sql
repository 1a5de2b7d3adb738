-- Tamper evidence: a hash chain over the event store in global order (query side, audit-chain processor).
create table event_chain (
    global_index bigint                   not null primary key,
    event_id     varchar(255)             not null,
    link         bytea                    not null,
    chained_at   timestamp with time zone not null
);

-- Replay: the alert board is rebuilt beside the live one (same shape) and switched in when caught up.
create table alert_view_rebuild (like alert_view including all);
