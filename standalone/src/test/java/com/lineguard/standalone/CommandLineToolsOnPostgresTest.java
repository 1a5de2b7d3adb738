package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.standalone.cli.LineguardCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar's command-line tools run in-process ({@code CommandLine.execute}, output captured) against a running
 * Lineguard on PostgreSQL, exactly as {@code java -jar lineguard.jar <subcommand>} runs them. Only safety timers that
 * are cancelled are recorded here, so no escalation policy writes events behind a test's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.audit.chain-settle-time=PT2S")
class CommandLineToolsOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AlertHistories alerts;

    @BeforeEach
    void signIn() {
        alerts = new AlertHistories(port, jdbc);
    }

    record Run(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() {
            return out.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (Exception e) {
                    throw new AssertionError("Not a JSON line: " + line, e);
                }
            }).toList();
        }
    }

    @Test
    void given_two_alerts_when_one_aggregate_is_exported_then_exactly_its_events_are_written_as_json_lines() {
        String exported = alerts.timerWith(4);
        String other = alerts.timerWith(3);

        Run run = tool("audit", "export", "--aggregate", exported);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).extracting(line -> line.get("eventId").asText())
                .containsExactlyElementsOf(alerts.eventIds(exported));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("aggregateId").asText()).isEqualTo(exported);
            assertThat(line.get("metadata").get("actor").asText()).isEqualTo(alerts.crew);
            assertThat(line.get("data").get("alertId").asText()).isEqualTo(exported);
        });
        assertThat(lines).extracting(line -> line.get("type").asText()).first().asString().endsWith("SafetyTimerArmed");
        assertThat(run.out()).doesNotContain(other);
    }

    @Test
    void given_alerts_before_within_and_after_a_period_when_the_period_is_exported_then_only_its_events_are_written()
            throws Exception {
        String before = alerts.timerWith(3);
        Thread.sleep(50);
        Instant from = Instant.now();
        String within = alerts.timerWith(3);
        String alsoWithin = alerts.timerWith(2);
        Instant to = Instant.now();
        Thread.sleep(50);
        String after = alerts.timerWith(3);

        Run run = tool("audit", "export", "--from=" + from, "--to=" + to);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = new ArrayList<>(alerts.eventIds(within));
        expected.addAll(alerts.eventIds(alsoWithin));
        assertThat(run.jsonLines()).extracting(line -> line.get("eventId").asText()).containsExactlyElementsOf(expected);
        assertThat(run.out()).doesNotContain(before).doesNotContain(after);
    }

    @Test
    void given_an_intact_store_when_verified_then_exit_0_and_after_a_payload_is_changed_exit_1_naming_the_event() {
        String alertId = alerts.timerWith(4);
        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        String auditor = new Api("http://localhost:" + port).devToken("auditor-1", "auditor");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                alerts.api.get("/audit/verify", auditor).json().get("chainedUpTo").asLong() >= head);

        Run intact = tool("audit", "verify");

        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).startsWith("OK: ");

        String victim = alerts.eventIds(alertId).get(2);
        byte[] original = jdbc.queryForObject("select payload from domainevententry where eventidentifier = ?",
                byte[].class, victim);
        // One byte more: still valid JSON, so only the chain can tell.
        jdbc.update("update domainevententry set payload = payload || convert_to(' ', 'UTF8') where eventidentifier = ?",
                victim);
        try {
            Run tampered = tool("audit", "verify");

            assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
            assertThat(tampered.out()).startsWith("TAMPERED: ").contains("CHANGED: event " + victim);
        } finally {
            jdbc.update("update domainevententry set payload = ? where eventidentifier = ?", original, victim);
        }
        assertThat(tool("audit", "verify").exitCode()).isZero();
    }

    @Test
    void given_recorded_alerts_when_the_alert_board_is_replayed_then_it_reaches_done_with_a_full_progress_bar() {
        alerts.timerWith(3);

        Run run = tool("replay", "alert-board");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String lastFrame = run.out().substring(run.out().lastIndexOf('\r') + 1);
        assertThat(lastFrame).matches("(?s)alert-board \\[#{40}] 100\\.0 % \\d+/\\d+ events, \\d+ events/s DONE\\s*");
    }

    @Test
    void given_wrong_calls_when_run_then_usage_and_server_errors_end_with_exit_2() {
        Run noSubcommand = run("audit");
        Run noProcessor = tool("replay");
        Run unknownOption = tool("audit", "export", "--since=yesterday");
        Run unknownProcessor = tool("replay", "no-such-board");
        Run unreachable = run("audit", "verify", "--url=http://localhost:1");

        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing subcommand").contains("Usage:");
        assertThat(noProcessor.exitCode()).isEqualTo(2);
        assertThat(noProcessor.err()).contains("<processor>");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownProcessor.exitCode()).isEqualTo(2);
        assertThat(unknownProcessor.err()).contains("HTTP 404");
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("Cannot reach http://localhost:1");
    }

    /** {@code java -jar lineguard.jar <args> --url=<this test's server>}, in this JVM. */
    private Run tool(String... args) {
        return run(Stream.concat(Stream.of(args), Stream.of("--url=http://localhost:" + port)).toArray(String[]::new));
    }

    /** {@code java -jar lineguard.jar <args>}, in this JVM. */
    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LineguardCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }
}
