package com.lineguard.standalone.hostile;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over 64 KiB is refused with 413 whether its size is declared up front or only shows while it streams in
 * (chunked, no Content-Length); the hostile-input properties cover the first kind for every call.
 */
class RequestBodyLimitTest {

    private static final int LIMIT = BodySpec.MAX_BODY_BYTES;

    private final HostileServer server = HostileServer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void given_a_chunked_body_over_the_limit_when_posted_then_413_and_nothing_changed() throws Exception {
        String before = server.state();

        HttpResponse<String> response = postChunked(paddedLocation(LIMIT + 1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(server.state()).isEqualTo(before);
    }

    @Test
    void given_a_chunked_body_within_the_limit_when_posted_then_it_is_read_as_usual() throws Exception {
        HttpResponse<String> response = postChunked(paddedLocation(LIMIT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** A location report padded with whitespace: valid JSON of exactly {@code size} bytes. */
    private static String paddedLocation(int size) {
        String body = "{\"lat\":52.1,\"lon\":4.3}";
        return "{" + " ".repeat(size - body.length()) + body.substring(1);
    }

    /** An input stream of unknown length: the client sends it chunked, without Content-Length. */
    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/crews/me/location")))
                .header("Authorization", "Bearer " + server.newTimerCrewToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
