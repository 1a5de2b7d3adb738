package com.lineguard.platform.testing;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Databases for Spring test contexts. Each context gets a database of its own: Spring keeps contexts (and their
 * deadline schedulers) alive for the whole run, and on a shared database one context would fire another's deadlines.
 * <ul>
 *     <li>{@link #externalPostgres} — a new database on the PostgreSQL server at {@code LINEGUARD_TEST_PG_URL}
 *     (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). Without that server the test is
 *     skipped with a message, except in CI ({@code CI=true}), where it fails.</li>
 *     <li>{@link #embeddedDefault} — no datasource URL at all: Lineguard's embedded default, in a fresh data dir.</li>
 *     <li>{@link #migratedDatabase} — no Spring context: a new database with the schema, for a class's SQL alone.</li>
 * </ul>
 */
public final class TestDatabases {

    public static final String ADMIN_URL = System.getenv().getOrDefault("LINEGUARD_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String ADMIN_USER = System.getenv().getOrDefault("LINEGUARD_TEST_PG_USER", "postgres");

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        // Contexts live until the JVM ends; their databases go with it, so CI machines do not fill up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "")) {
                for (String name : CREATED) {
                    admin.createStatement().execute("drop database if exists " + name + " with (force)");
                }
            } catch (SQLException ignored) {
                // Best effort: .ci/run also drops leftovers before a run.
            }
        }));
    }

    private TestDatabases() {
    }

    public static void externalPostgres(DynamicPropertyRegistry registry) {
        String url = createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> ADMIN_USER);
        registry.add("spring.datasource.password", () -> "");
        // Many contexts share one server (100 connections by default); a test needs few.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("lineguard.data-dir", TestDatabases::tempDataDir);
    }

    public static void embeddedDefault(DynamicPropertyRegistry registry) {
        String dataDir = tempDataDir();
        registry.add("lineguard.data-dir", () -> dataDir);
    }

    /** A new database on the external server with Lineguard's schema (Flyway), for tests of plain SQL. */
    public static JdbcTemplate migratedDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(createDatabase(), ADMIN_USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** A new, empty database on the external server; its JDBC URL. */
    public static String createDatabase() {
        requireExternalPostgres();
        String name = "lg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "")) {
            admin.createStatement().execute("create database " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public static void requireExternalPostgres() {
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "")) {
            // reachable
        } catch (SQLException e) {
            String message = "No PostgreSQL at " + ADMIN_URL + " (" + e.getMessage() + "); set LINEGUARD_TEST_PG_URL "
                    + "or start PostgreSQL to run the external-database tests.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }

    public static String tempDataDir() {
        try {
            return Files.createTempDirectory("lineguard-test-").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
