package com.lineguard.query.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.alert.AlertStatus;
import com.lineguard.contracts.alert.AlertView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model behind the dispatcher board: each alert's view as dispatch sees it and as its owner sees it, and
 * the sequence number of the last event of the alert applied.
 */
@Repository
public class AlertBoard {

    /** One row: both views and the alert's sequence number of the event that produced them. */
    public record Entry(AlertView view, AlertView ownerView, long lastSequence) {
    }

    static final String LIVE = "alert_view";
    static final String REBUILD = "alert_view_rebuild";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Entry> entries;
    private final String table;

    @Autowired
    public AlertBoard(JdbcTemplate jdbc, ObjectMapper json) {
        this(jdbc, json, LIVE);
    }

    private AlertBoard(JdbcTemplate jdbc, ObjectMapper json, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
        this.entries = (rs, i) -> new Entry(read(rs.getString("view")), read(rs.getString("owner_view")),
                rs.getLong("last_sequence"));
    }

    public Optional<Entry> find(UUID alertId) {
        return jdbc.query(sql("select view, owner_view, last_sequence from %TABLE% where alert_id = ?"), entries,
                alertId).stream().findFirst();
    }

    public void save(Entry entry) {
        AlertView view = entry.view();
        jdbc.update(sql("""
                insert into %TABLE% (alert_id, crew_member_id, status, owner_status, created_at, view, owner_view,
                                     last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (alert_id) do update
                   set status = excluded.status, owner_status = excluded.owner_status, view = excluded.view,
                       owner_view = excluded.owner_view, last_sequence = excluded.last_sequence"""),
                view.alertId(), view.crewMemberId(), view.status().name(), entry.ownerView().status().name(),
                Timestamp.from(view.createdAt()), write(view), write(entry.ownerView()), entry.lastSequence());
    }

    /**
     * Escalated and acknowledged first (help is needed), then by creation, newest last; alerts created at the same
     * instant by id, so that the board does not reorder itself between two reads.
     */
    public List<AlertView> withStatus(Collection<AlertStatus> statuses) {
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.query(sql("""
                select view, owner_view, last_sequence from %TABLE% where status = any (?)
                order by case status when 'ESCALATED' then 0 when 'ACKNOWLEDGED' then 1 else 2 end, created_at, alert_id"""),
                entries, (Object) names).stream().map(Entry::view).toList();
    }

    public int countWithStatus(AlertStatus status) {
        return jdbc.queryForObject(sql("select count(*) from %TABLE% where status = ?"), Integer.class, status.name());
    }

    public List<AlertView> openForOwner(String crewMemberId) {
        return jdbc.query(sql("""
                select view, owner_view, last_sequence from %TABLE%
                 where crew_member_id = ? and owner_status in ('ARMED', 'ESCALATED', 'ACKNOWLEDGED')
                 order by created_at, alert_id"""), entries, crewMemberId).stream().map(Entry::ownerView).toList();
    }

    private AlertView read(String value) {
        try {
            return json.readValue(value, AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable alert view", e);
        }
    }

    private String write(AlertView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same board in the table beside it, where a replay rebuilds it (see {@code AlertBoardRebuild}). */
    AlertBoard rebuild() {
        return new AlertBoard(jdbc, json, REBUILD);
    }

    private String sql(String template) {
        return template.replace("%TABLE%", table);
    }
}
