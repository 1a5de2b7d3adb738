package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageCommands.PredictEtr;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageFromLegacy;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageRestored;
import com.lineguard.platform.testing.TestDatabases;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One outage from report to close through HTTP on an external PostgreSQL, and the legacy commands' idempotency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutageFlowOnPostgresTest {

    private static final double SITE_LAT = 52.10;
    private static final double SITE_LON = 4.30;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commandGateway;

    Api api;
    String device;
    String dispatcher;
    String admin;
    String near;
    String far;
    String unknown;

    @BeforeEach
    void signIn() {
        api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        device = "XFMR-" + suffix;
        near = "crew-near-" + suffix;
        far = "crew-far-" + suffix;
        unknown = "crew-unknown-" + suffix;
        dispatcher = root.devToken("dispatch-dora", "dispatcher");
        admin = root.devToken("admin-ada", "admin");
    }

    @Test
    void given_registered_crews_when_an_outage_is_walked_from_report_to_close_then_every_view_tells_the_story() {
        Api root = new Api("http://localhost:" + port);
        String nearToken = root.devToken(near, "crew");
        String farToken = root.devToken(far, "crew");
        assertThat(api.put("/crews/" + near, admin, "{\"name\":\"Near\",\"skills\":[\"LINE\",\"HV\"]}").status())
                .isEqualTo(200);
        assertThat(api.put("/crews/" + far, admin, "{\"name\":\"Far\",\"skills\":[]}").status()).isEqualTo(200);
        assertThat(api.put("/crews/" + unknown, admin, "{\"name\":\"Unknown\",\"skills\":[\"LINE\"]}").status())
                .isEqualTo(200);
        assertThat(api.put("/crews/" + near, dispatcher, "{\"name\":\"x\",\"skills\":[]}").code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/crews/me/location", nearToken, Api.location(SITE_LAT + 0.01, SITE_LON)).status())
                .isEqualTo(202);
        assertThat(api.post("/crews/me/location", farToken, Api.location(SITE_LAT + 0.3, SITE_LON)).status())
                .isEqualTo(202);
        // The near crew worked on this device before.
        String earlier = report("{\"deviceId\":\"" + device + "\",\"location\":" + Api.location(SITE_LAT, SITE_LON)
                + ",\"customersAffected\":10}").get("outageId").asText();
        assertThat(api.post("/outages/" + earlier + "/assign", dispatcher, "{\"crewId\":\"" + near + "\"}").status())
                .isEqualTo(200);

        JsonNode reported = report("{\"deviceId\":\"" + device + "\",\"location\":" + Api.location(SITE_LAT, SITE_LON)
                + ",\"customersAffected\":240,\"cause\":\"storm\",\"requiredSkills\":[\"LINE\"]}");
        String id = reported.get("outageId").asText();
        assertThat(reported.get("status").asText()).isEqualTo("REPORTED");
        assertThat(reported.get("assignedCrewId").isNull()).isTrue();

        List<JsonNode> suggestions = list(api.get("/outages/" + id + "/crew-suggestions", dispatcher));
        assertThat(suggestions).extracting(s -> s.get("crewId").asText()).containsExactly(near, far, unknown);
        assertThat(suggestions.get(0).get("pastVisitsToDevice").asInt()).isEqualTo(1);
        assertThat(suggestions.get(0).get("skillsMatched").asInt()).isEqualTo(1);
        assertThat(suggestions.get(0).get("distanceKm").asDouble()).isBetween(1.0, 1.2);
        assertThat(suggestions.get(2).get("distanceKm").isNull()).isTrue();

        Api.Response assigned = api.post("/outages/" + id + "/assign", dispatcher, "{\"crewId\":\"" + near + "\"}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(api.post("/outages/" + id + "/status", farToken, "{\"status\":\"EN_ROUTE\"}").code())
                .isEqualTo("NOT_ASSIGNED");
        assertThat(api.post("/outages/" + id + "/status", nearToken, "{\"status\":\"EN_ROUTE\"}").status())
                .isEqualTo(200);
        Api.Response skipped = api.post("/outages/" + id + "/status", nearToken, "{\"status\":\"RESTORED\"}");
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(api.get("/outages/" + id, nearToken).json().get("status").asText()).isEqualTo("EN_ROUTE");
        assertThat(api.post("/outages/" + id + "/etr", nearToken,
                "{\"estimatedRestorationAt\":\"2001-01-01T00:00:00Z\"}").code()).isEqualTo("VALIDATION_FAILED");
        Instant etr = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response etrSet = api.post("/outages/" + id + "/etr", nearToken,
                "{\"estimatedRestorationAt\":\"" + etr + "\",\"reason\":\"pole down\"}");
        assertThat(etrSet.status()).isEqualTo(200);
        assertThat(etrSet.json().get("etrSource").asText()).isEqualTo("CREW");
        assertThat(api.post("/outages/" + id + "/notes", nearToken, "{\"text\":\"tree on the line\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/outages/" + id + "/notes", dispatcher, "{\"text\":\"cutter on its way\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/outages/" + id + "/notes", farToken, "{\"text\":\"hi\"}").code()).isEqualTo("NOT_ASSIGNED");
        assertThat(api.post("/outages/" + id + "/close", dispatcher, "{}").code()).isEqualTo("NOT_RESTORED");

        JsonNode handover = entryFor(api.get("/handover", nearToken), id);
        assertThat(handover.get("status").asText()).isEqualTo("EN_ROUTE");
        assertThat(handover.get("assignedCrewId").asText()).isEqualTo(near);
        assertThat(Instant.parse(handover.get("estimatedRestorationAt").asText())).isEqualTo(etr);
        assertThat(handover.get("latestNotes").findValuesAsText("text"))
                .containsExactly("cutter on its way", "tree on the line");
        assertThat(handover.get("latestNotes").get(0).get("author").asText()).isEqualTo("dispatch-dora");
        assertThat(list(api.get("/crews/me/outages", nearToken))).extracting(o -> o.get("outageId").asText())
                .contains(id, earlier);
        assertThat(api.get("/outages/" + id, farToken).code()).isEqualTo("NOT_ASSIGNED");
        assertThat(api.get("/outages/" + id, dispatcher).json().get("workLog")).hasSize(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/public/outages/" + id, null).json().path("estimatedRestorationAt").asText()).isNotEmpty());
        Api.Response publicView = api.get("/public/outages/" + id, null);
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.json().get("status").asText()).isEqualTo("EN_ROUTE");
        assertThat(publicView.json().get("customersAffected").asInt()).isEqualTo(240);
        assertThat(publicView.body()).doesNotContain(near).doesNotContain(device).doesNotContain("assignedCrewId")
                .doesNotContain("deviceId").doesNotContain("workLog");
        assertThat(publicView.headers().get("Cache-Control")).containsExactly("public, max-age=5");
        String etag = publicView.headers().get("ETag").get(0);
        assertThat(api.get("/public/outages/" + id, null, "If-None-Match", etag).status()).isEqualTo(304);
        String nearbyPath = "/public/outages?lat=" + SITE_LAT + "&lon=" + (SITE_LON + 0.05) + "&radiusKm=5";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(nearbyPath, null).json().findValuesAsText("outageId")).contains(id, earlier));
        Api.Response nearby = api.get(nearbyPath, null);
        assertThat(nearby.status()).isEqualTo(200);
        assertThat(nearby.headers().get("Cache-Control")).containsExactly("public, max-age=5");
        assertThat(nearby.body()).doesNotContain(near).doesNotContain(device);
        assertThat(api.get("/public/outages?lat=" + SITE_LAT + "&lon=" + SITE_LON, null).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/public/outages?lat=" + SITE_LAT + "&lon=" + SITE_LON + "&radiusKm=51", null).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(nearbyPath, null, "If-None-Match", nearby.headers().get("ETag").get(0)).status())
                .isEqualTo(304);

        assertThat(api.post("/outages/" + id + "/status", nearToken, "{\"status\":\"ON_SITE\"}").status()).isEqualTo(200);
        assertThat(api.post("/outages/" + id + "/status", nearToken, "{\"status\":\"RESTORED\"}").status()).isEqualTo(200);
        Api.Response closed = api.post("/outages/" + id + "/close", dispatcher, "{}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(api.post("/outages/" + id + "/assign", dispatcher, "{\"crewId\":\"" + far + "\"}").code())
                .isEqualTo("OUTAGE_CLOSED");

        assertThat(api.get("/handover", dispatcher).json().findValuesAsText("outageId")).doesNotContain(id);
        assertThat(api.get("/outages?status=OPEN", dispatcher).json().findValuesAsText("outageId")).doesNotContain(id);
        assertThat(api.get("/outages?status=CLOSED", dispatcher).json().findValuesAsText("outageId")).contains(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/public/outages/" + id, null).json().get("status").asText()).isEqualTo("CLOSED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(nearbyPath, null).json().findValuesAsText("outageId")).doesNotContain(id).contains(earlier));
        assertThat(notifications(id, "CustomerNotificationDue")).isGreaterThanOrEqualTo(2);
        assertThat(notifications(id, "CrewNotificationDue")).isEqualTo(1);
    }

    @Test
    void given_the_same_external_reference_reported_three_times_then_there_is_one_outage() {
        String ref = "OMS-" + UUID.randomUUID();
        ReportOutageFromLegacy fromLegacy = new ReportOutageFromLegacy(ref, device, new GeoLocation(SITE_LAT, SITE_LON,
                null), 120, "storm", List.of("LINE"));

        UUID first = commandGateway.sendAndWait(fromLegacy);
        UUID second = commandGateway.sendAndWait(fromLegacy);
        UUID third = commandGateway.sendAndWait(fromLegacy);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%OutageReported'"
                + " and convert_from(payload, 'UTF8') like ?", Long.class, "%" + ref + "%")).isEqualTo(1);
        Api.Response byDispatch = api.post("/outages", dispatcher, "{\"deviceId\":\"" + device + "\",\"location\":"
                + Api.location(SITE_LAT, SITE_LON) + ",\"customersAffected\":1,\"externalRef\":\"" + ref + "\"}");
        assertThat(byDispatch.status()).isEqualTo(201);
        assertThat(byDispatch.json().get("outageId").asText()).isEqualTo(first.toString());

        Instant predicted = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        commandGateway.sendAndWait(new PredictEtr(null, ref, predicted, "model", 0.6));
        JsonNode view = api.get("/outages/" + first, dispatcher).json();
        assertThat(view.get("etrSource").asText()).isEqualTo("PREDICTED");
        assertThat(view.get("externalRef").asText()).isEqualTo(ref);
        for (int i = 0; i < 3; i++) {
            commandGateway.sendAndWait(new ReportOutageRestored(null, ref));
        }
        assertThat(api.get("/outages/" + first, dispatcher).json().get("status").asText()).isEqualTo("RESTORED");
        assertThat(api.get("/outages?status=OPEN", dispatcher).json().findValuesAsText("externalRef"))
                .containsOnlyOnce(ref);
    }

    @Test
    void given_an_alert_when_its_id_is_used_as_an_outage_id_then_there_is_no_such_outage() {
        String crewToken = new Api("http://localhost:" + port).devToken("crew-" + UUID.randomUUID(), "crew");
        String alertId = api.post("/alerts/emergency", crewToken, "{\"location\":" + Api.location(SITE_LAT, SITE_LON)
                + "}").json().get("alertId").asText();

        Api.Response etr = api.post("/outages/" + alertId + "/etr", dispatcher, "{\"estimatedRestorationAt\":\""
                + Instant.now().plus(Duration.ofHours(2)) + "\"}");
        Api.Response assign = api.post("/outages/" + alertId + "/assign", dispatcher, "{\"crewId\":\"" + near + "\"}");

        assertThat(etr.status()).as(etr.body()).isEqualTo(404);
        assertThat(etr.code()).isEqualTo("OUTAGE_NOT_FOUND");
        assertThat(assign.status()).as(assign.body()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class, alertId)).as("the alert's own events only").isEqualTo(jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and type = 'Alert'", Long.class,
                alertId));
    }

    @Test
    void given_an_outage_worked_on_by_three_requests_when_its_history_is_read_then_each_event_names_who_which_request_and_why() {
        Api root = new Api("http://localhost:" + port);
        String auditor = root.devToken("auditor-1", "auditor");
        Instant etr = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response reported = api.post("/outages", dispatcher, "{\"deviceId\":\"" + device + "\",\"location\":"
                + Api.location(SITE_LAT, SITE_LON) + ",\"customersAffected\":12}", "X-Correlation-Id", "report-1");
        String id = reported.json().get("outageId").asText();
        api.post("/outages/" + id + "/assign", dispatcher, "{\"crewId\":\"" + near + "\"}", "X-Correlation-Id",
                "assign-1");
        api.post("/outages/" + id + "/notes", root.devToken(near, "crew"), "{\"text\":\"fuse blown\"}",
                "X-Correlation-Id", "note-1");
        api.post("/outages/" + id + "/etr", dispatcher, "{\"estimatedRestorationAt\":\"" + etr + "\"}",
                "X-Correlation-Id", "etr-1");

        Api.Response history = api.get("/outages/" + id + "/history", auditor);

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<JsonNode> entries = list(history);
        assertThat(entries).extracting(e -> e.get("sequence").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, entries.size()).boxed().toList());
        assertThat(entries).extracting(e -> e.get("eventId").asText()).containsExactlyElementsOf(jdbc.queryForList(
                "select eventidentifier from domainevententry where aggregateidentifier = ? order by sequencenumber",
                String.class, id));
        assertThat(entries).extracting(e -> e.get("type").asText())
                .containsSubsequence("OutageReported", "OutageAssigned", "WorkNoteAdded", "EtrEstimated");
        assertThat(entries).allSatisfy(e -> assertThat(Instant.parse(e.get("at").asText())).isBefore(Instant.now()));
        JsonNode report = first(entries, "OutageReported");
        JsonNode assignment = first(entries, "OutageAssigned");
        JsonNode note = first(entries, "WorkNoteAdded");
        JsonNode estimate = first(entries, "EtrEstimated");
        assertThat(List.of(report, assignment, note, estimate)).extracting(e -> e.get("actor").asText())
                .containsExactly("dispatch-dora", "dispatch-dora", near, "dispatch-dora");
        assertThat(List.of(report, assignment, note, estimate)).extracting(e -> e.get("correlationId").asText())
                .containsExactly("report-1", "assign-1", "note-1", "etr-1");
        // Each request's command caused all that request recorded: one causation per request, a new one each time.
        Map<String, Set<String>> causesByRequest = entries.stream().collect(Collectors.groupingBy(
                e -> e.get("correlationId").asText(), Collectors.mapping(e -> e.get("causationId").asText(),
                        Collectors.toSet())));
        assertThat(causesByRequest).containsOnlyKeys("report-1", "assign-1", "note-1", "etr-1");
        assertThat(causesByRequest.values()).allSatisfy(causes -> assertThat(causes).hasSize(1));
        assertThat(causesByRequest.values().stream().flatMap(Set::stream).distinct()).hasSize(4);
        assertThat(report.get("data").get("customersAffected").asInt()).isEqualTo(12);
        assertThat(assignment.get("data").get("crewId").asText()).isEqualTo(near);
        assertThat(note.get("data").get("text").asText()).isEqualTo("fuse blown");
        assertThat(Instant.parse(estimate.get("data").get("estimatedRestorationAt").asText())).isEqualTo(etr);
        assertThat(api.get("/outages/" + id + "/history", root.devToken(near, "crew")).status()).isEqualTo(403);
        assertThat(api.get("/outages/" + UUID.randomUUID() + "/history", auditor).code()).isEqualTo("OUTAGE_NOT_FOUND");
    }

    private static JsonNode first(List<JsonNode> entries, String type) {
        return entries.stream().filter(e -> e.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " in " + entries));
    }

    private JsonNode report(String body) {
        Api.Response response = api.post("/outages", dispatcher, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<JsonNode> list(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static JsonNode entryFor(Api.Response response, String outageId) {
        return list(response).stream().filter(e -> e.get("outageId").asText().equals(outageId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + outageId + " in " + response.body()));
    }

    private long notifications(String outageId, String type) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?"
                + " and payloadtype like ?", Long.class, outageId, "%" + type);
    }
}
