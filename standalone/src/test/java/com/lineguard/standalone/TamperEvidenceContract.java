package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Somebody with database access changes, removes or inserts an event; the verifier names the exact event. Runs on
 * the embedded default and on an external PostgreSQL (the subclasses). Each test puts the store back afterwards.
 */
abstract class TamperEvidenceContract {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String auditor;

    @BeforeEach
    void recordSomeHistory() {
        api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        auditor = root.devToken("auditor-1", "auditor");
        String crew = root.devToken("crew-" + UUID.randomUUID(), "crew");
        String dispatcher = root.devToken("dispatcher-1", "dispatcher");
        for (int i = 0; i < 3; i++) {
            String alertId = api.post("/alerts/emergency", crew, "{\"location\":" + Api.location(52, 4) + "}")
                    .json().get("alertId").asText();
            api.post("/alerts/" + alertId + "/acknowledge", dispatcher, "{}");
        }
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode report = verify();
            assertThat(report.get("status").asText()).isEqualTo("OK");
            assertThat(report.get("chainedUpTo").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    @Test
    void aChangedPayloadIsNamed() {
        Map<String, Object> victim = middleEvent();
        byte[] original = (byte[]) victim.get("payload");
        // One byte more: still valid JSON, so only the chain can tell.
        jdbc.update("update domainevententry set payload = payload || convert_to(' ', 'UTF8') where globalindex = ?",
                victim.get("globalindex"));
        try {
            JsonNode problem = verify().get("problem");
            assertThat(problem.get("kind").asText()).isEqualTo("CHANGED");
            assertThat(problem.get("eventId").asText()).isEqualTo(victim.get("eventidentifier"));
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, victim.get("globalindex"));
        }
        assertThat(verify().get("status").asText()).isEqualTo("OK");
    }

    @Test
    void aChangedTimestampIsNamed() {
        Map<String, Object> victim = middleEvent();
        jdbc.update("update domainevententry set timestamp = '2020-01-01T00:00:00Z' where globalindex = ?",
                victim.get("globalindex"));
        try {
            JsonNode problem = verify().get("problem");
            assertThat(problem.get("kind").asText()).isEqualTo("CHANGED");
            assertThat(problem.get("eventId").asText()).isEqualTo(victim.get("eventidentifier"));
        } finally {
            jdbc.update("update domainevententry set timestamp = ? where globalindex = ?", victim.get("timestamp"),
                    victim.get("globalindex"));
        }
    }

    @Test
    void aRemovedEventIsNamed() {
        Map<String, Object> victim = middleEvent();
        jdbc.update("delete from domainevententry where globalindex = ?", victim.get("globalindex"));
        try {
            JsonNode problem = verify().get("problem");
            assertThat(problem.get("kind").asText()).isEqualTo("REMOVED");
            assertThat(problem.get("eventId").asText()).isEqualTo(victim.get("eventidentifier"));
            assertThat(problem.get("globalIndex").asLong()).isEqualTo(((Number) victim.get("globalindex")).longValue());
        } finally {
            reinsert(victim, victim.get("globalindex"), victim.get("eventidentifier"));
        }
        assertThat(verify().get("status").asText()).isEqualTo("OK");
    }

    @Test
    void anInsertedEventIsNamed() {
        // A sequence value that never became an event leaves a hole in the global order, as a rolled-back
        // transaction does; a forged event slipped into that hole after the chain moved past it is named.
        long hole = jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
        String crew = new Api("http://localhost:" + port).devToken("crew-late", "crew");
        api.post("/alerts/emergency", crew, "{\"location\":" + Api.location(52, 4) + "}");
        await().atMost(Duration.ofSeconds(20)).until(() -> verify().get("chainedUpTo").asLong() > hole);

        Map<String, Object> template = middleEvent();
        String forgedId = UUID.randomUUID().toString();
        reinsert(template, hole, forgedId);
        try {
            JsonNode problem = verify().get("problem");
            assertThat(problem.get("kind").asText()).isEqualTo("INSERTED");
            assertThat(problem.get("eventId").asText()).isEqualTo(forgedId);
            assertThat(problem.get("globalIndex").asLong()).isEqualTo(hole);
        } finally {
            jdbc.update("delete from domainevententry where globalindex = ?", hole);
        }
    }

    private Map<String, Object> middleEvent() {
        return jdbc.queryForMap("select * from domainevententry order by globalindex limit 1 offset "
                + "(select count(*) / 2 from domainevententry)");
    }

    private void reinsert(Map<String, Object> row, Object globalIndex, Object eventId) {
        jdbc.update("insert into domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, "
                        + "type, timestamp, payloadtype, payloadrevision, payload, metadata) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                globalIndex, eventId, eventId.equals(row.get("eventidentifier")) ? row.get("aggregateidentifier")
                        : UUID.randomUUID().toString(),
                row.get("sequencenumber"), row.get("type"), row.get("timestamp"), row.get("payloadtype"),
                row.get("payloadrevision"), row.get("payload"), row.get("metadata"));
    }

    private JsonNode verify() {
        Api.Response response = api.get("/audit/verify", auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
