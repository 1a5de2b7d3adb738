package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets 400 problem+json with code VALIDATION_FAILED and a per-field errors array, and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvalidInputTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedDefault(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/alerts/emergency | {",
            "/alerts/emergency | []",
            "/alerts/emergency | {}",
            "/alerts/emergency | {\"location\":{\"lat\":91,\"lon\":4}}",
            "/alerts/emergency | {\"location\":{\"lat\":52,\"lon\":-180.5}}",
            "/alerts/emergency | {\"location\":{\"lat\":52,\"lon\":4,\"accuracyM\":-1}}",
            "/alerts/emergency | {\"location\":{\"lat\":\"north\",\"lon\":4}}",
            "/alerts/emergency | {\"location\":{\"lon\":4}}",
            "/alerts/emergency | {\"location\":{\"lat\":52,\"lon\":4},\"unknown\":1}",
            "/alerts/timers | {\"durationSeconds\":59,\"location\":{\"lat\":52,\"lon\":4}}",
            "/alerts/timers | {\"durationSeconds\":43201,\"location\":{\"lat\":52,\"lon\":4}}",
            "/alerts/timers | {\"durationSeconds\":-5,\"location\":{\"lat\":52,\"lon\":4}}",
            "/alerts/timers | {\"durationSeconds\":1e40,\"location\":{\"lat\":52,\"lon\":4}}",
            "/alerts/timers | {\"location\":{\"lat\":52,\"lon\":4}}",
            "/crews/me/location | {\"lat\":100,\"lon\":4}",
    })
    void isRefusedAndChangesNothing(String path, String body) {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        String token = new Api("http://localhost:" + port).devToken("crew-1", "crew");
        int events = eventCount();

        Api.Response response = api.post(path, token, body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").isArray()).isTrue();
        assertThat(response.json().get("errors")).isNotEmpty();
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest(name = "note of {0} characters")
    @CsvSource({"501", "5000"})
    void aNoteLongerThan500IsRefused(int length) {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        String token = new Api("http://localhost:" + port).devToken("crew-2", "crew");
        Api.Response response = api.post("/alerts/emergency", token,
                "{\"location\":{\"lat\":52,\"lon\":4},\"note\":\"" + "x".repeat(length) + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("note");
    }

    @ParameterizedTest(name = "Idempotency-Key of {0} characters")
    @CsvSource({"129"})
    void anOverlongIdempotencyKeyIsRefused(int length) {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        String token = new Api("http://localhost:" + port).devToken("crew-3", "crew");
        int events = eventCount();
        Api.Response response = api.post("/alerts/emergency", token, "{\"location\":{\"lat\":52,\"lon\":4}}",
                "Idempotency-Key", "k".repeat(length));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(eventCount()).isEqualTo(events);
    }

    private int eventCount() {
        return jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
    }
}
