package com.lineguard.standalone;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Structured JSON logs (Logstash format) carry the correlation id of the request that started it all, also on lines
 * written far from the request: by the escalation policy handling the event, and by its deadline firing later.
 * <p>
 * Logback is configured once per JVM, by the first test context, so {@code logging.structured.format.console} set
 * here would be ignored whenever another test class ran first: the test adds the appender that property configures
 * (Spring Boot's {@link StructuredLogEncoder}, format {@code logstash}, to the console) for its own duration.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.escalation.ack-timeout=PT2S")
class CorrelatedLogsOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;

    ConsoleAppender<ILoggingEvent> jsonConsole;

    @BeforeEach
    void logJsonToTheConsole() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder logstash = new StructuredLogEncoder();
        logstash.setContext(logging);
        logstash.setFormat("logstash");
        logstash.start();
        jsonConsole = new ConsoleAppender<>();
        jsonConsole.setContext(logging);
        jsonConsole.setEncoder(logstash);
        jsonConsole.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(jsonConsole);
    }

    @AfterEach
    void backToPlainLogs() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(jsonConsole);
        jsonConsole.stop();
    }

    @Test
    void given_json_logs_when_an_emergency_is_raised_then_the_policy_logs_its_steps_with_the_requests_correlation_id(
            CapturedOutput output) {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        String correlationId = "incident-" + UUID.randomUUID();

        Api.Response raised = api.post("/alerts/emergency", root.devToken("crew-" + UUID.randomUUID(), "crew"),
                "{\"location\":" + Api.location(52, 4) + "}", "X-Correlation-Id", correlationId);
        String alertId = raised.json().get("alertId").asText();

        JsonNode started = await().atMost(Duration.ofSeconds(15)).until(() ->
                line(output, "Escalation policy started for alert " + alertId), Optional::isPresent).orElseThrow();
        JsonNode overdue = await().atMost(Duration.ofSeconds(15)).until(() ->
                line(output, "Alert " + alertId + " is overdue"), Optional::isPresent).orElseThrow();
        api.post("/alerts/" + alertId + "/resolve", root.devToken("dispatcher-1", "dispatcher"),
                "{\"outcome\":\"ASSISTED\"}");

        for (JsonNode line : List.of(started, overdue)) {
            assertThat(line.get("logger_name").asText()).isEqualTo("com.lineguard.command.alert.EscalationPolicy");
            assertThat(line.get("thread_name").asText()).as("written away from the request").doesNotStartWith("http");
            assertThat(line.get("correlationId").asText()).isEqualTo(correlationId);
        }
    }

    /** The first JSON log line whose message starts with {@code message}. */
    private static Optional<JsonNode> line(CapturedOutput output, String message) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(CorrelatedLogsOnPostgresTest::json)
                .filter(line -> line.path("message").asText().startsWith(message)).findFirst();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
