-- The watchdog finds armed timers past their due time without asking the deadline manager.
alter table armed_timer add column due_at timestamp with time zone;
create index armed_timer_due on armed_timer (due_at);

-- Nearby-crew searches use a bounding box before the exact distance.
create index crew_location_position on crew_location (lat, lon);

-- Query side: what each crew member's phone is told (/stream/crew), one row per recipient, in event order.
create table crew_notification (
    id             bigserial                not null primary key,
    crew_member_id varchar(255)             not null,
    kind           varchar(64)              not null,
    subject_id     uuid                     not null,
    data           text                     not null,
    created_at     timestamp with time zone not null,
    event_position bigint                   not null,
    unique (event_position, crew_member_id)
);
create index crew_notification_crew on crew_notification (crew_member_id, id);
