package com.lineguard.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Watch the legacy bridge": a standalone on its embedded default with its own Kafka broker, and
 * {@code java -jar lineguard.jar watch safety.alerts.v1} in a second process printing what the back office sees.
 */
class QuickstartIT {

    @TempDir
    Path dataDir;

    @Test
    void theWatchCommandShowsAnEmergencyAsTheBackOfficeSeesIt() throws Exception {
        try (StandaloneProcess lineguard = new StandaloneProcess(dataDir, dataDir.resolve("lineguard.log"))) {
            lineguard.start();
            Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("lineguard.jar", "target/lineguard.jar"), "watch", "safety.alerts.v1",
                    "--bootstrap-servers=" + lineguard.kafkaAddress())
                    .redirectError(dataDir.resolve("watch.err").toFile())
                    .start();
            try {
                CompletableFuture<String> raised = CompletableFuture.supplyAsync(() ->
                        firstLineContaining(watch, "lineguard.alert.emergency-raised"));
                Api root = new Api(lineguard.baseUrl());
                String alertId = new Api(lineguard.baseUrl() + "/api/v1").post("/alerts/emergency",
                        root.devToken("crew-7", "crew"), "{\"location\":" + Api.location(52.1, 4.3) + "}")
                        .json().get("alertId").asText();

                String line = raised.get(60, TimeUnit.SECONDS);

                assertThat(line).as("partition:offset key CloudEvent").matches("\\d+:\\d+ " + alertId + " \\{.*");
                assertThat(line).contains("\"subject\":\"" + alertId + "\"", "\"lat\":52.1");
            } finally {
                watch.destroyForcibly().waitFor();
            }
        }
    }

    private static String firstLineContaining(Process process, String text) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.contains(text)) {
                    return line;
                }
                seen.add(line);
            }
            throw new AssertionError("watch ended without " + text + "; it printed " + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
