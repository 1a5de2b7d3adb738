package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertCommands.EscalateOverdueTimer;
import com.lineguard.platform.axon.AxonConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * "Never miss" must not rest on one mechanism. Every few seconds, on every node, this looks for armed timers more
 * than {@code lineguard.watchdog.grace} past due (a plain query, independent of the deadline manager) and escalates
 * them. It should never fire; each save is logged and counted in {@code lineguard.watchdog.saves}. Several nodes
 * finding the same timer is harmless: the aggregate escalates once.
 */
@Component
class TimerWatchdog {

    private static final Logger log = LoggerFactory.getLogger(TimerWatchdog.class);

    private final ArmedTimers armedTimers;
    private final CommandGateway commands;
    private final Duration grace;
    private final Counter saves;
    private final Clock clock = Clock.systemUTC();

    TimerWatchdog(ArmedTimers armedTimers, CommandGateway commands, MeterRegistry meters,
                  @Value("${lineguard.watchdog.grace}") Duration grace) {
        this.armedTimers = armedTimers;
        this.commands = commands;
        this.grace = grace;
        this.saves = Counter.builder("lineguard.watchdog.saves")
                .description("Safety timers escalated by the watchdog because their deadline did not fire")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${lineguard.watchdog.interval}", initialDelayString = "${lineguard.watchdog.interval}")
    void escalateMissedTimers() {
        for (UUID alertId : armedTimers.dueBefore(clock.instant().minus(grace))) {
            try {
                Boolean escalated = commands.sendAndWait(GenericCommandMessage
                        .asCommandMessage(new EscalateOverdueTimer(alertId))
                        .andMetaData(MetaData.with(AxonConfiguration.ACTOR, Alert.WATCHDOG_ACTOR)));
                if (Boolean.TRUE.equals(escalated)) {
                    saves.increment();
                    log.warn("Watchdog escalated safety timer {}: its deadline did not fire in time", alertId);
                }
            } catch (RuntimeException e) {
                log.error("Watchdog could not escalate safety timer {}; will try again", alertId, e);
            }
        }
    }
}
