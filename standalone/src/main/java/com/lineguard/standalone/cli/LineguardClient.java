package com.lineguard.standalone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The command-line tools talk to a running Lineguard over its API, like any other client: they need no database
 * access, work against any node, and are held to the same roles. Without a token they ask a standalone's dev token
 * endpoint for one with the role the tool needs.
 */
final class LineguardClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    LineguardClient(ApiOptions options, String devRole) throws IOException, InterruptedException {
        this.baseUrl = options.url.replaceAll("/+$", "");
        this.token = options.token != null && !options.token.isBlank() ? options.token : devToken(devRole);
    }

    /** The JSON answer of a GET that must succeed. */
    JsonNode get(String what, String path) throws IOException, InterruptedException {
        return json(what, 200, send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The JSON answer of a body-less POST that must be answered with {@code expectedStatus}. */
    JsonNode post(String what, String path, int expectedStatus) throws IOException, InterruptedException {
        return json(what, expectedStatus, send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** The body of a GET that must succeed, as it arrives (exports can be large). */
    InputStream stream(String what, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw new ServerError(what, response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return response.body();
    }

    /** {@code ?name=value&...} of the parameters that are set, in the order given. */
    static String query(Map<String, String> parameters) {
        List<String> set = parameters.entrySet().stream().filter(p -> p.getValue() != null)
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).toList();
        return set.isEmpty() ? "" : "?" + String.join("&", set);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    private String devToken(String role) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("sub", "cli", "roles", List.of(role)));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ServerError("No --token given and " + baseUrl + " offers no dev tokens; pass --token or set "
                    + "LINEGUARD_TOKEN. Asking for one", response.statusCode(), null);
        }
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** An answer, or an error that says which server could not be reached. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()), e);
        }
    }

    private static JsonNode json(String what, int expectedStatus, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != expectedStatus) {
            throw new ServerError(what, response.statusCode(), response.body());
        }
        return JSON.readTree(response.body());
    }
}
