package com.lineguard.standalone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The command-line tools talk to a running Lineguard over its API, like any other client: they need no database
 * access, work against any node, and are held to the same roles. {@code --url} (default {@code http://localhost:8080})
 * and {@code --token}; without a token they ask a standalone's dev token endpoint for one.
 */
final class LineguardClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    LineguardClient(CliOptions options, String devRole) throws IOException, InterruptedException {
        this.baseUrl = options.option("url", "http://localhost:8080");
        String given = options.option("token", System.getenv("LINEGUARD_TOKEN"));
        this.token = given != null ? given : devToken(devRole);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String query(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    private String devToken(String role) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"cli\",\"roles\":[\"" + role + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No --token given and " + baseUrl + " offers no dev tokens ("
                    + response.statusCode() + "); pass --token or set LINEGUARD_TOKEN.");
        }
        return response.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
