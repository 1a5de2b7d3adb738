package com.lineguard.query.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.outage.OutageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read model behind dispatch, the crews' outage lists and the handover: each outage's view with the sequence
 * number of the last event of the outage applied, and which crew was sent to which device (for crew suggestions).
 */
@Repository
public class OutageBoard {

    /** One row: the view and the outage's sequence number of the event that produced it. */
    public record Entry(OutageView view, long lastSequence) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Entry> entries;

    public OutageBoard(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.entries = (rs, i) -> new Entry(read(rs.getString("view")), rs.getLong("last_sequence"));
    }

    public Optional<Entry> find(UUID outageId) {
        return jdbc.query("select view, last_sequence from outage_view where outage_id = ?", entries, outageId)
                .stream().findFirst();
    }

    public void save(Entry entry) {
        OutageView view = entry.view();
        jdbc.update("""
                insert into outage_view (outage_id, status, assigned_crew_id, device_id, created_at, view,
                                         last_sequence)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (outage_id) do update
                   set status = excluded.status, assigned_crew_id = excluded.assigned_crew_id,
                       view = excluded.view, last_sequence = excluded.last_sequence""",
                view.outageId(), view.status().name(), view.assignedCrewId(), view.deviceId(),
                Timestamp.from(view.createdAt()), write(view), entry.lastSequence());
    }

    /** Oldest first: the longest without power first. */
    public List<OutageView> withStatus(Collection<OutageStatus> statuses) {
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.query("""
                select view, last_sequence from outage_view where status = any (?) order by created_at, outage_id""",
                entries, (Object) names).stream().map(Entry::view).toList();
    }

    public List<OutageView> unclosedAssignedTo(String crewId) {
        return jdbc.query("""
                select view, last_sequence from outage_view
                 where assigned_crew_id = ? and status <> 'CLOSED' order by created_at, outage_id""",
                entries, crewId).stream().map(Entry::view).toList();
    }

    public void recordVisit(UUID outageId, String crewId, String deviceId) {
        jdbc.update("insert into outage_visit (outage_id, crew_id, device_id) values (?, ?, ?) on conflict do nothing",
                outageId, crewId, deviceId);
    }

    /** How many other outages on {@code deviceId} each crew was sent to. */
    public Map<String, Integer> pastVisitsTo(String deviceId, UUID excludingOutageId) {
        return jdbc.query("""
                select crew_id, count(*) from outage_visit where device_id = ? and outage_id <> ? group by crew_id""",
                (rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)), deviceId, excludingOutageId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private OutageView read(String value) {
        try {
            return json.readValue(value, OutageView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable outage view", e);
        }
    }

    private String write(OutageView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
