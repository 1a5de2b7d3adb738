-- The dispatch stream's cursor must only ever grow in commit order. An event's global position does not: a transaction
-- that commits late leaves a gap that Axon fills afterwards, so a stream following event positions skipped the late
-- change (an emergency could be missing from a live board). Rows now take their stream position from a sequence as the
-- projection (one segment, one writer) inserts them; the event's position still makes a redelivery log nothing new.
-- Positions already handed out stay valid as Last-Event-ID: the sequence starts above them.
alter table alert_change rename column position to event_position;
alter table alert_change add column position bigint;
update alert_change set position = event_position;
create sequence alert_change_position_seq owned by alert_change.position;
select setval('alert_change_position_seq', coalesce((select max(position) from alert_change), 0) + 1, false);
alter table alert_change alter column position set default nextval('alert_change_position_seq');
alter table alert_change alter column position set not null;
alter table alert_change drop constraint alert_change_pkey;
alter table alert_change add primary key (position);
alter table alert_change add constraint alert_change_event_position_key unique (event_position);
