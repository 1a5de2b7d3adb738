-- Command side: emergencies not yet resolved, per crew member. Only a crew member who has one may be rate-limited
-- when raising another (RateLimitPolicy); a first emergency always goes through.
create table open_emergency (
    alert_id       uuid         not null primary key,
    crew_member_id varchar(255) not null
);
create index open_emergency_crew on open_emergency (crew_member_id);

-- Emergencies raised before this table existed and not resolved since.
insert into open_emergency (alert_id, crew_member_id)
select raised.aggregateidentifier::uuid, convert_from(raised.payload, 'UTF8')::json ->> 'crewMemberId'
  from domainevententry raised
 where raised.payloadtype like '%EmergencyRaised'
   and not exists (select 1 from domainevententry resolved
                    where resolved.aggregateidentifier = raised.aggregateidentifier
                      and resolved.payloadtype like '%AlertResolved');
