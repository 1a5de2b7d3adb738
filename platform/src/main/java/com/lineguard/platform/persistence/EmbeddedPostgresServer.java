package com.lineguard.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server kept in {@code <data-dir>/postgres}, started from the binaries on the class path.
 * <p>
 * The server is a child process: a {@code kill -9} of the JVM leaves it running and holding the data directory.
 * Start-up therefore first stops such an orphan (it has no clients left) before starting its own server, but
 * refuses to touch a server whose JVM is still alive (a second Lineguard pointed at the same data dir).
 * Durability settings are forced back on: the library's defaults ({@code -F}, {@code synchronous_commit=off}) suit
 * throw-away test databases, not a safety system's event store.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(pgData);
            stopOrphan(pgData);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("Embedded PostgreSQL started in {} ms on port {}, data in {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), postgres.getPort(), pgData);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(server -> {
                    if (server.parent().filter(ProcessHandle::isAlive)
                            .flatMap(parent -> parent.info().command())
                            .filter(command -> command.endsWith("java")).isPresent()) {
                        throw new IllegalStateException("The data dir " + pgData + " is in use by a running Lineguard "
                                + "(PostgreSQL pid " + pid + "); stop it or choose another lineguard.data-dir.");
                    }
                    stop(server, pid);
                });
    }

    private static void stop(ProcessHandle orphan, long pid) {
        log.warn("An embedded PostgreSQL (pid {}) outlived its JVM; stopping it before starting anew", pid);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Crash recovery on the next start replays the WAL; nothing committed is lost.
            orphan.destroyForcibly();
            orphan.onExit().join();
        }
    }
}
