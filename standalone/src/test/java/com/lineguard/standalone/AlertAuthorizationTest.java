package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.platform.testing.TestTokens;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the crew member who armed a timer may cancel it, after signing in again; everyone else is refused with the
 * contract's status and code, and a refused call appends nothing. Tokens come from a test identity provider whose
 * public key the service trusts (so the standalone's dev tokens are switched off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertAuthorizationTest {

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
        TestTokens.trustTestIssuer(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String owner;
    String alertId;

    @BeforeEach
    void armATimer() {
        api = new Api("http://localhost:" + port + "/api/v1");
        owner = "crew-" + UUID.randomUUID();
        Api.Response armed = api.post("/alerts/timers", TestTokens.token(owner, "crew"),
                "{\"durationSeconds\":600,\"location\":" + Api.location(52.1, 4.3) + "}");
        assertThat(armed.status()).as(armed.body()).isEqualTo(201);
        alertId = armed.json().get("alertId").asText();
    }

    @Test
    void anotherCrewMemberMayNotCancel() {
        assertRefused(TestTokens.token("crew-other", "crew"), 403, "NOT_OWNER");
    }

    @Test
    void aDispatcherMayNotCancel() {
        assertRefused(TestTokens.token("dispatcher-1", "dispatcher"), 403, "NOT_OWNER");
    }

    @Test
    void anAdminMayNotCancel() {
        assertRefused(TestTokens.token("admin-1", "admin"), 403, "NOT_OWNER");
    }

    @Test
    void theOwnerMustHaveSignedInRecently() {
        String stale = TestTokens.signedInAt(Instant.now().minus(Duration.ofMinutes(6)), owner, "crew");
        assertRefused(stale, 403, "REAUTH_REQUIRED");
    }

    @Test
    void anAuditorNeverSendsCommands() {
        assertRefused(TestTokens.token("auditor-1", "auditor"), 403, "FORBIDDEN");
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertRefused(null, 401, "UNAUTHENTICATED");
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertRefused(TestTokens.expired(owner, "crew"), 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        assertRefused(TestTokens.signedByAnotherKey(owner, "crew"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnsignedTokenIsUnauthenticated() {
        assertRefused(TestTokens.unsigned(owner, "crew"), 401, "UNAUTHENTICATED");
    }

    @Test
    void theOwnerFreshlySignedInMayCancel() {
        Api.Response cancel = api.post("/alerts/" + alertId + "/cancel", TestTokens.token(owner, "crew"), "{}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void devTokensDoNotExistWhenARealIssuerIsConfigured() {
        Api.Response response = new Api("http://localhost:" + port)
                .post("/dev/token", null, "{\"sub\":\"x\",\"roles\":[\"admin\"]}");
        assertThat(response.status()).isEqualTo(404);
    }

    private void assertRefused(String token, int status, String code) {
        int eventsBefore = eventsOfTheAlert();
        Api.Response cancel = api.post("/alerts/" + alertId + "/cancel", token, "{}");
        Api.Response extend = api.post("/alerts/" + alertId + "/extend", token, "{\"additionalSeconds\":60}");

        for (Api.Response refused : new Api.Response[] {cancel, extend}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(status);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo(code);
        }
        assertThat(eventsOfTheAlert()).isEqualTo(eventsBefore);
        assertThat(api.get("/alerts/" + alertId, TestTokens.token(owner, "crew")).json().get("status").asText())
                .isEqualTo("ARMED");
    }

    private int eventsOfTheAlert() {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Integer.class, alertId);
    }
}
