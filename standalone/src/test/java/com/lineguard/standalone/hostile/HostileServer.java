package com.lineguard.standalone.hostile;

import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.standalone.Api;
import com.lineguard.standalone.LineguardStandalone;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One Lineguard for every hostile-input property, started once per JVM on a PostgreSQL database of its own, and the
 * things the properties aim at, each in a state where a valid request would succeed: so a request that slips
 * through changes something, and {@link #state()} shows it.
 */
final class HostileServer {

    private static HostileServer running;

    final Api api;
    final Api root;
    final String crewToken;
    final String newTimerCrewToken;
    final String dispatcherToken;
    final String adminToken;
    /** Armed for an hour by the crew member of {@link #crewToken}. */
    final String armedTimer;
    /** Escalated, not yet acknowledged. */
    final String escalatedEmergency;
    final String reportedOutage;
    /** Assigned to the crew member of {@link #crewToken}. */
    final String assignedOutage;
    final String restoredOutage;
    private final JdbcTemplate jdbc;
    private final int port;

    static synchronized HostileServer get() {
        if (running == null) {
            running = new HostileServer(start());
        }
        return running;
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        TestDatabases.externalPostgres((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        // The targets must stay as they are while the properties run: no step-up expiry, no overdue escalations.
        properties.put("lineguard.security.reauth-max-age", "PT2H");
        properties.put("lineguard.escalation.ack-timeout", "PT2H");
        // Rate limits have a test of their own; here a 429 would hide whether a request got through validation.
        properties.put("lineguard.rate-limits.location.burst", "1000000");
        properties.put("lineguard.rate-limits.alert-creation.burst", "1000000");
        // As arguments, which win over lineguard-defaults.properties. Without OwnKafkaBrokerLauncher, as in every
        // @SpringBootTest: no broker, no bridge.
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LineguardStandalone.class).run(arguments);
    }

    private HostileServer(ConfigurableApplicationContext context) {
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        jdbc = context.getBean(JdbcTemplate.class);
        root = new Api("http://localhost:" + port);
        api = new Api("http://localhost:" + port + "/api/v1");
        crewToken = root.devToken("crew-hostile", "crew");
        newTimerCrewToken = root.devToken("crew-without-timer", "crew");
        dispatcherToken = root.devToken("dispatcher-hostile", "dispatcher");
        adminToken = root.devToken("admin-hostile", "admin");
        String crewEscalating = root.devToken("crew-in-trouble", "crew");

        armedTimer = created(api.post("/alerts/timers", crewToken,
                "{\"durationSeconds\":3600,\"location\":" + Api.location(52.1, 4.3) + "}"), "alertId");
        escalatedEmergency = created(api.post("/alerts/emergency", crewEscalating,
                "{\"location\":" + Api.location(52.1, 4.3) + "}"), "alertId");
        reportedOutage = reportOutage();
        assignedOutage = reportOutage();
        assign(assignedOutage);
        restoredOutage = reportOutage();
        assign(restoredOutage);
        for (String status : new String[]{"EN_ROUTE", "ON_SITE", "RESTORED"}) {
            expect(api.post("/outages/" + restoredOutage + "/status", crewToken, "{\"status\":\"" + status + "\"}"), 200);
        }
        awaitQuiet();
    }

    String url(String apiPath) {
        return "http://localhost:" + port + "/api/v1" + apiPath;
    }

    /** What a rejected request must leave as it was: the event store, crew locations, stored idempotent responses. */
    String state() {
        return jdbc.queryForObject("""
                select (select count(*) from domainevententry)
                       || '|' || (select count(*) || '@' || coalesce(max(received_at)::text, '-') from crew_location)
                       || '|' || (select count(*) from idempotent_response)""", String.class);
    }

    private String reportOutage() {
        return created(api.post("/outages", dispatcherToken, "{\"deviceId\":\"XFMR-hostile\",\"location\":"
                + Api.location(52.1, 4.3) + ",\"customersAffected\":10}"), "outageId");
    }

    private void assign(String outageId) {
        expect(api.post("/outages/" + outageId + "/assign", dispatcherToken, "{\"crewId\":\"crew-hostile\"}"), 200);
    }

    private static String created(Api.Response response, String idField) {
        return expect(response, 201).json().get(idField).asText();
    }

    private static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Setting up the targets: " + response);
        }
        return response;
    }

    /** The escalation policy notifies nearby crews asynchronously; the properties start once it is done. */
    private void awaitQuiet() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String before = state();
        int quietChecks = 0;
        while (quietChecks < 8 && Instant.now().isBefore(deadline)) {
            sleep(250);
            String now = state();
            quietChecks = now.equals(before) ? quietChecks + 1 : 0;
            before = now;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
