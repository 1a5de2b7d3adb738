package com.lineguard.bench.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Lineguard's HTTP API the bench makes, on loopback only. */
final class Lineguard {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern DUE_AT = Pattern.compile("\"dueAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a command call answered: the HTTP status, and for a created alert its id and due time (or null). */
    record Answer(int status, String alertId, Instant dueAt, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32)).connectTimeout(Duration.ofSeconds(5)).build();

    Lineguard(String base) {
        URI uri = URI.create(base);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        this.base = base;
    }

    String devToken(String sub, String role) throws IOException, InterruptedException {
        String body = "{\"sub\":\"" + sub + "\",\"roles\":[\"" + role + "\"]}";
        HttpResponse<String> response = http.send(post("/dev/token", null, body), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("dev token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** Dev tokens for crew members {@code <prefix>0 .. <prefix>(count-1)}, minted by 8 threads; auth_time is now. */
    String[] crewTokens(String prefix, int count) throws Exception {
        String[] tokens = new String[count];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> minted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int crew = i;
                minted.add(pool.submit(() -> tokens[crew] = devTokenWithRetries(prefix + crew)));
            }
            for (Future<?> token : minted) {
                token.get();
            }
        } finally {
            pool.shutdown();
        }
        return tokens;
    }

    /** A busy server may time a token request out; three tries. */
    private String devTokenWithRetries(String sub) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return devToken(sub, "crew");
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    HttpRequest armTimer(String token, long durationSeconds, int crew) {
        return post("/api/v1/alerts/timers", token, String.format(Locale.ROOT,
                "{\"durationSeconds\":%d,\"location\":%s,\"note\":\"bench\"}", durationSeconds, location(crew)));
    }

    HttpRequest cancel(String token, String alertId) {
        return post("/api/v1/alerts/" + alertId + "/cancel", token, "{}");
    }

    HttpRequest emergency(String token, int crew) {
        return post("/api/v1/alerts/emergency", token, "{\"location\":" + location(crew) + ",\"note\":\"bench\"}");
    }

    Answer send(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(-1, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, e.toString());
        }
    }

    CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Lineguard::answer)
                .exceptionally(e -> new Answer(-1, null, null, e.toString()));
    }

    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpRequest post(String path, String token, String body) {
        HttpRequest.Builder builder = request(path).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static Answer answer(HttpResponse<String> response) {
        Matcher id = ALERT_ID.matcher(response.body());
        Matcher due = DUE_AT.matcher(response.body());
        return new Answer(response.statusCode(), id.find() ? id.group(1) : null,
                due.find() ? Instant.parse(due.group(1)) : null, response.body());
    }

    /** Crew members stand around a substation area, a few metres apart. */
    private static String location(int crew) {
        return String.format(Locale.ROOT, "{\"lat\":%.5f,\"lon\":%.5f,\"accuracyM\":10}",
                52.0 + (crew % 1000) / 10000.0, 4.0 + (crew % 777) / 10000.0);
    }
}
