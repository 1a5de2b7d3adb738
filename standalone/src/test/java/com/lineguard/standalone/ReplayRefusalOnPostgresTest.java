package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Processors that act on the world must stay silent when somebody replays: the crew notifications (phones) and the
 * escalation policy (commands, notifications) refuse a token reset and go on from where they were. The legacy bridge
 * (Kafka) is shown to do the same in {@link LegacyBridgeTest#theBridgeRefusesAReplay()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayRefusalOnPostgresTest {

    private static final double KM_IN_LATITUDE = 1 / 111.32;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandBus commandBus;

    Api api;
    Api root;
    String nearby;
    String alertId;

    /** One escalated and resolved emergency that told one crew member nearby: history a replay would act on. */
    @BeforeEach
    void anEscalationThatToldACrewNearby() {
        api = new Api("http://localhost:" + port + "/api/v1");
        root = new Api("http://localhost:" + port);
        nearby = "crew-near-" + UUID.randomUUID();
        assertThat(api.post("/crews/me/location", root.devToken(nearby, "crew"),
                Api.location(52 + KM_IN_LATITUDE, 4)).status()).isEqualTo(202);
        alertId = api.post("/alerts/emergency", root.devToken("crew-" + UUID.randomUUID(), "crew"),
                "{\"location\":" + Api.location(52, 4) + "}").json().get("alertId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> notificationsTo(nearby) == 1);
        String dispatcher = root.devToken("dispatcher-1", "dispatcher");
        assertThat(api.post("/alerts/" + alertId + "/acknowledge", dispatcher, "{}").status()).isEqualTo(200);
        assertThat(api.post("/alerts/" + alertId + "/resolve", dispatcher, "{\"outcome\":\"ASSISTED\"}").status())
                .isEqualTo(200);
    }

    @Test
    void given_notifications_sent_when_the_crew_notifications_are_reset_then_the_reset_is_refused_and_nobody_is_told_again()
            throws Exception {
        StreamingEventProcessor notifications = processor("crew-notifications");
        long rowsBefore = jdbc.queryForObject("select count(*) from crew_notification", Long.class);

        notifications.shutDown();
        try {
            assertThatThrownBy(notifications::resetTokens).isInstanceOf(IllegalStateException.class);
        } finally {
            notifications.start();
        }
        Thread.sleep(2_000);

        assertThat(jdbc.queryForObject("select count(*) from crew_notification", Long.class)).isEqualTo(rowsBefore);
        assertThat(notificationsTo(nearby)).isEqualTo(1);
        assertThat(api.post("/admin/replay/crew-notifications", root.devToken("admin-1", "admin"), "").status())
                .as("not a rebuildable projection either").isEqualTo(404);
    }

    @Test
    void given_an_escalation_handled_when_the_escalation_policy_is_reset_then_the_reset_is_refused_and_no_command_is_sent()
            throws Exception {
        StreamingEventProcessor policy = processor("escalation-policy");
        long eventsBefore = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        List<CommandMessage<?>> commands = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> recorder = (unitOfWork, chain) -> {
            commands.add(unitOfWork.getMessage());
            return chain.proceed();
        };
        Registration recording = commandBus.registerHandlerInterceptor(recorder);
        try {
            policy.shutDown();
            try {
                assertThatThrownBy(policy::resetTokens).isInstanceOf(IllegalStateException.class);
            } finally {
                policy.start();
            }
            Thread.sleep(2_000);
        } finally {
            recording.cancel();
        }

        assertThat(commands).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isEqualTo(eventsBefore);
        assertThat(notificationsTo(nearby)).isEqualTo(1);
        assertThat(api.post("/admin/replay/escalation-policy", root.devToken("admin-1", "admin"), "").status())
                .isEqualTo(404);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private long notificationsTo(String crewMemberId) {
        return jdbc.queryForObject("select count(*) from crew_notification where crew_member_id = ?", Long.class,
                crewMemberId);
    }
}
