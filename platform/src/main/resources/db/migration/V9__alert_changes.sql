-- Query side: every change of every alert, in event order, as dispatch sees it: the log behind /stream/dispatch, so
-- a board that reconnects with Last-Event-ID gets each change it missed, not only the latest state.
create table alert_change (
    position   bigint                   not null primary key,
    alert_id   uuid                     not null,
    view       text                     not null,
    changed_at timestamp with time zone not null
);
create index alert_change_changed_at on alert_change (changed_at);
