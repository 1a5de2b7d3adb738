-- A tracking token's position is not an event's identity. When a transaction commits late, Axon hands its events to
-- the processors after later ones, each with the token's highest position so far: several events share one position,
-- and it is another event's. Read models used it to skip redelivered events, so under load they skipped real ones (an
-- emergency missing from the dispatch stream, a second event of one transaction missing from the board, a nearby
-- crew's notification dropped). Now a row remembers the last aggregate sequence number it applied, and the logs
-- (alert_change, crew_notification) are unique per event identifier.

alter table alert_view rename column last_event to last_sequence;
alter table alert_view_rebuild rename column last_event to last_sequence;
drop index if exists alert_view_last_event;
alter table outage_view rename column last_event to last_sequence;
alter table crew_profile rename column last_event to last_sequence;

-- Rows written before this migration hold positions; from the event store they get the sequence number they are at
-- (-1 where the events are stored elsewhere, as with Axon Server: every later event then applies).
update alert_view v set last_sequence = coalesce((select max(e.sequencenumber) from domainevententry e
                                                   where e.aggregateidentifier = v.alert_id::text), -1);
update outage_view v set last_sequence = coalesce((select max(e.sequencenumber) from domainevententry e
                                                    where e.aggregateidentifier = v.outage_id::text), -1);
update crew_profile v set last_sequence = coalesce((select max(e.sequencenumber) from domainevententry e
                                                     where e.aggregateidentifier = v.crew_id), -1);

-- Null for changes and notifications logged before this migration.
alter table alert_change drop column event_position;
alter table alert_change add column event_id varchar(255) unique;
alter table crew_notification drop column event_position;
alter table crew_notification add column event_id varchar(255);
alter table crew_notification add constraint crew_notification_event_recipient unique (event_id, crew_member_id);
