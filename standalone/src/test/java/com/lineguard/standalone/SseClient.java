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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A text/event-stream client for tests: every event with its id, name, JSON data and the instant it arrived. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, JsonNode data, Instant receivedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> connection;
    private final List<Event> seen = new ArrayList<>();

    SseClient(String url, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<Void> connected = new CompletableFuture<>();
        connection = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    String[] current = new String[3];
                    response.body().forEach(line -> {
                        if (line.startsWith(":")) {
                            connected.complete(null);
                        } else if (line.startsWith("id:")) {
                            current[0] = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                            current[1] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            current[2] = line.substring(5).trim();
                        } else if (line.isEmpty() && current[2] != null) {
                            events.add(new Event(current[0], current[1], parse(current[2]), Instant.now()));
                            current[0] = current[1] = current[2] = null;
                        }
                    });
                });
        try {
            connected.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stream did not open: " + url, e);
        }
    }

    /** Waits up to {@code timeout} for an event matching {@code wanted}; null if none came. */
    Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        for (Event event : seen) {
            if (wanted.test(event)) {
                return event;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(50, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        return null;
    }

    /** Everything received so far. */
    List<Event> received() {
        events.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        connection.cancel(true);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
