package com.lineguard.query.crew;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What each crew member's phone is told, one row per recipient, in event order (the read model of /stream/crew). */
@Repository
public class CrewNotifications {

    /** One notification; {@code id} is its position in the feed. */
    public record Notification(long id, String crewMemberId, String kind, UUID subjectId, Map<String, Object> data,
                               Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Notification> notifications;

    public CrewNotifications(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.notifications = (rs, i) -> new Notification(rs.getLong("id"), rs.getString("crew_member_id"),
                rs.getString("kind"), rs.getObject("subject_id", UUID.class), read(rs.getString("data")),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Idempotent per event and recipient: a redelivered event adds nothing. */
    public void add(String eventId, String crewMemberId, String kind, UUID subjectId, Map<String, Object> data,
                    Instant createdAt) {
        jdbc.update("""
                insert into crew_notification (crew_member_id, kind, subject_id, data, created_at, event_id)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id, crew_member_id) do nothing""",
                crewMemberId, kind, subjectId, write(data), Timestamp.from(createdAt), eventId);
    }

    public List<Notification> after(long id, int limit) {
        return jdbc.query("select * from crew_notification where id > ? order by id limit ?", notifications, id, limit);
    }

    public List<Notification> forCrewMemberAfter(String crewMemberId, long id, int limit) {
        return jdbc.query("select * from crew_notification where crew_member_id = ? and id > ? order by id limit ?",
                notifications, crewMemberId, id, limit);
    }

    public long lastId() {
        Long last = jdbc.queryForObject("select max(id) from crew_notification", Long.class);
        return last == null ? 0 : last;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
