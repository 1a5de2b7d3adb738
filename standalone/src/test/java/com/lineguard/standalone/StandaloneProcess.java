package com.lineguard.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged standalone jar in a JVM of its own, so a test can kill it with SIGKILL and start it again. */
final class StandaloneProcess implements AutoCloseable {

    private final List<String> arguments;
    private final Path log;
    private final int port;
    private final int kafkaPort;
    private Process process;

    StandaloneProcess(Path dataDir, Path log, String... extraArguments) {
        this.port = freePort();
        this.kafkaPort = freePort();
        this.log = log;
        this.arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                // Its own broker on a port of its own, so a developer's running standalone (9092) cannot clash.
                "--lineguard.kafka.port=" + kafkaPort,
                "--lineguard.data-dir=" + dataDir,
                "--lineguard.timers.min-duration=PT1S"));
        this.arguments.addAll(List.of(extraArguments));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where its own Kafka broker listens (the {@code localhost:9092} of a default standalone). */
    String kafkaAddress() {
        return "localhost:" + kafkaPort;
    }

    void start() {
        String jar = System.getProperty("lineguard.jar", "target/lineguard.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Generous: on the shared 2-core machine under other builds, a start has taken more than 90 s.
        awaitHealthy(Duration.ofSeconds(180));
    }

    /** Starts again with some settings changed, as an operator might between a crash and the restart. */
    void startWith(String... changedArguments) {
        for (String changed : changedArguments) {
            String option = changed.substring(0, changed.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(option));
            arguments.add(changed);
        }
        start();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        Api api = new Api(baseUrl());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Standalone exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/actuator/health", null).body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            sleep(250);
        }
        throw new IllegalStateException("Standalone not healthy within " + timeout + "; see " + log);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
