package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A black-box HTTP client for the contract of API.md: raw JSON in, status, headers and JSON out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }
    }

    public Response post(String path, String token, String jsonBody, String... headers) {
        HttpRequest.Builder request = request(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody));
        return send(request);
    }

    public Response put(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** Any method, content type (null: none) and body (null: none), as a broken or hostile client sends them. */
    public Response send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = request(path, token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    public String devToken(String sub, String... roles) {
        StringBuilder list = new StringBuilder();
        for (String role : roles) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(role).append('"');
        }
        Response response = post("/dev/token", null, "{\"sub\":\"" + sub + "\",\"roles\":[" + list + "]}");
        if (response.status() != 200) {
            throw new IllegalStateException("dev token: " + response);
        }
        return response.json().get("token").asText();
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String location(double lat, double lon) {
        return "{\"lat\":" + lat + ",\"lon\":" + lon + ",\"accuracyM\":10}";
    }
}
