package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse limits through HTTP: over the limit a call gets 429 RATE_LIMITED with Retry-After and changes nothing, but a
 * crew member without an open emergency always gets one. Limits of 2 per hour here, so the tests need no waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lineguard.rate-limits.location.requests=1", "lineguard.rate-limits.location.period=PT1H",
        "lineguard.rate-limits.location.burst=2",
        "lineguard.rate-limits.alert-creation.requests=1", "lineguard.rate-limits.alert-creation.period=PT1H",
        "lineguard.rate-limits.alert-creation.burst=2"})
class RateLimitsOnPostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String crew;
    String crewToken;
    String dispatcherToken;

    @BeforeEach
    void signIn() {
        api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        crew = "crew-" + UUID.randomUUID();
        crewToken = root.devToken(crew, "crew");
        dispatcherToken = root.devToken("dispatcher-1", "dispatcher");
    }

    @Test
    void given_a_spent_location_budget_when_the_crew_reports_again_then_429_and_the_last_location_stays() {
        String alertId = armTimer();
        assertThat(api.post("/crews/me/location", crewToken, Api.location(52.1, 4.1)).status()).isEqualTo(202);
        assertThat(api.post("/alerts/" + alertId + "/location", crewToken, Api.location(52.2, 4.2)).status())
                .isEqualTo(202);
        int events = eventCount();

        Api.Response crewLocation = api.post("/crews/me/location", crewToken, Api.location(53.0, 5.0));
        Api.Response alertLocation = api.post("/alerts/" + alertId + "/location", crewToken, Api.location(53.0, 5.0));

        assertRateLimited(crewLocation);
        assertRateLimited(alertLocation);
        assertThat(jdbc.queryForObject("select lat from crew_location where crew_member_id = ?", Double.class, crew))
                .isEqualTo(52.1);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void given_a_crew_over_the_creation_limit_when_they_raise_a_first_emergency_then_it_goes_through() {
        cancel(armTimer());
        cancel(armTimer());
        int events = eventCount();

        Api.Response thirdTimer = api.post("/alerts/timers", crewToken, timerBody());
        assertRateLimited(thirdTimer);
        assertThat(eventCount()).isEqualTo(events);

        String key = UUID.randomUUID().toString();
        Api.Response emergency = api.post("/alerts/emergency", crewToken, emergencyBody(), "Idempotency-Key", key);
        assertThat(emergency.status()).isEqualTo(201);
    }

    @Test
    void given_an_open_emergency_and_a_spent_budget_when_the_crew_raises_another_then_429_until_the_first_is_resolved() {
        cancel(armTimer());
        cancel(armTimer());
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/alerts/emergency", crewToken, emergencyBody(), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        int emergencies = emergenciesOf(crew);

        Api.Response second = api.post("/alerts/emergency", crewToken, emergencyBody());
        Api.Response retryOfTheFirst = api.post("/alerts/emergency", crewToken, emergencyBody(), "Idempotency-Key", key);

        assertRateLimited(second);
        assertThat(retryOfTheFirst.status()).isEqualTo(201);
        assertThat(retryOfTheFirst.json()).isEqualTo(first.json());
        assertThat(emergenciesOf(crew)).isEqualTo(emergencies);

        String firstId = first.json().get("alertId").asText();
        assertThat(api.post("/alerts/" + firstId + "/resolve", dispatcherToken, "{\"outcome\":\"FALSE_ALARM\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/alerts/emergency", crewToken, emergencyBody()).status()).isEqualTo(201);
    }

    private static void assertRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(response.headers().get("retry-after").get(0))).isPositive();
    }

    private String armTimer() {
        Api.Response armed = api.post("/alerts/timers", crewToken, timerBody());
        assertThat(armed.status()).as(armed.body()).isEqualTo(201);
        return armed.json().get("alertId").asText();
    }

    private void cancel(String alertId) {
        assertThat(api.post("/alerts/" + alertId + "/cancel", crewToken, "{}").status()).isEqualTo(200);
    }

    private static String timerBody() {
        return "{\"durationSeconds\":600,\"location\":" + Api.location(52.0, 4.0) + "}";
    }

    private static String emergencyBody() {
        return "{\"location\":" + Api.location(52.0, 4.0) + "}";
    }

    private int eventCount() {
        return jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
    }

    private int emergenciesOf(String crewMemberId) {
        return jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%EmergencyRaised' "
                + "and convert_from(payload, 'UTF8') like ?", Integer.class, "%" + crewMemberId + "%");
    }
}
