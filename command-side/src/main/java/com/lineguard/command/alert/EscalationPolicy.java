package com.lineguard.command.alert;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.lineguard.command.crew.NearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.MarkAlertOverdue;
import com.lineguard.contracts.alert.AlertCommands.NotifyNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StandDownNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StartEscalationPolicy;
import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.OverdueReason;
import com.lineguard.contracts.alert.ResolutionOutcome;
import com.lineguard.contracts.geo.GeoLocation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Escalation nobody can miss. When an alert escalates: tell the crews nearby and start an acknowledgement countdown.
 * Nobody acknowledges in time: the alert is overdue, the radius doubles (up to a maximum), supervisors see it on the
 * board, and the countdown starts again, until somebody acknowledges or resolves it. An acknowledgement not followed
 * by a resolution in time reopens the alert. A false alarm stands down the crews that were told.
 * <p>
 * Its state (the frozen policy, the round, who was told) is in the saga store and its countdowns are durable
 * deadlines, so a step survives a restart at any instant. Each round's countdown carries its round number; one that
 * does not match the current round is stale and ignored.
 * <p>
 * Never replayed: it tells crews and sends commands, which a replay would do again for every alert ever escalated.
 * Axon's saga managers refuse a token reset ({@code AbstractSagaManager#supportsReset} is false), so an operator's
 * reset of {@value #PROCESSOR} fails and leaves it where it was; it is not a rebuildable projection either (ADR 0008).
 */
@Saga
@ProcessingGroup(EscalationPolicy.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EscalationPolicy {

    private static final Logger log = LoggerFactory.getLogger(EscalationPolicy.class);

    static final String PROCESSOR = "escalation-policy";
    static final String ACK_TIMEOUT = "escalation-ack-timeout";
    static final String RESOLVE_TIMEOUT = "escalation-resolve-timeout";

    /** Deadline payload: the countdown of one round. */
    public record Countdown(int round) {
    }

    private UUID alertId;
    private String owner;
    private GeoLocation location;
    private Duration ackTimeout;
    private double maxRadiusKm;
    private Duration resolveTimeout;
    private int round;
    private double radiusKm;
    private boolean acknowledged;
    private TreeSet<String> notified = new TreeSet<>();

    /** The panic button: escalated from the first instant. */
    @StartSaga
    @SagaEventHandler(associationProperty = "alertId")
    void on(EmergencyRaised event, EscalationSettings settings, NearbyCrews crews, CommandGateway commands,
            DeadlineManager deadlines) {
        start(event.alertId(), event.crewMemberId(), event.location(), settings, crews, commands, deadlines);
    }

    /** A countdown that ran out, or a cancel under duress. */
    @StartSaga
    @SagaEventHandler(associationProperty = "alertId")
    void on(AlertEscalated event, EscalationSettings settings, NearbyCrews crews, CommandGateway commands,
            DeadlineManager deadlines) {
        start(event.alertId(), event.crewMemberId(), event.location(), settings, crews, commands, deadlines);
    }

    private void start(UUID alertId, String owner, GeoLocation location, EscalationSettings settings,
                       NearbyCrews crews, CommandGateway commands, DeadlineManager deadlines) {
        this.alertId = alertId;
        this.owner = owner;
        this.location = location;
        ackTimeout = settings.ackTimeout();
        radiusKm = settings.radiusKm();
        maxRadiusKm = settings.maxRadiusKm();
        resolveTimeout = settings.resolveTimeout();
        commands.sendAndWait(new StartEscalationPolicy(alertId, ackTimeout, radiusKm, maxRadiusKm, resolveTimeout));
        round = 1;
        notifyNearby(crews, commands);
        deadlines.schedule(ackTimeout, ACK_TIMEOUT, new Countdown(round));
        log.info("Escalation policy started for alert {}: {} crew members within {} km told", alertId,
                notified.size(), radiusKm);
    }

    @SagaEventHandler(associationProperty = "alertId")
    void on(AlertLocationReported event) {
        location = event.location();
    }

    @SagaEventHandler(associationProperty = "alertId")
    void on(AlertAcknowledged event, DeadlineManager deadlines) {
        acknowledged = true;
        deadlines.schedule(resolveTimeout, RESOLVE_TIMEOUT, new Countdown(round));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "alertId")
    void on(AlertResolved event, CommandGateway commands) {
        if (event.outcome() == ResolutionOutcome.FALSE_ALARM && !notified.isEmpty()) {
            commands.sendAndWait(new StandDownNearbyCrews(alertId, List.copyOf(notified)));
        }
    }

    @DeadlineHandler(deadlineName = ACK_TIMEOUT)
    void onAckTimeout(Countdown countdown, NearbyCrews crews, CommandGateway commands, DeadlineManager deadlines) {
        if (countdown.round() == round && !acknowledged) {
            escalateAgain(OverdueReason.NOT_ACKNOWLEDGED, crews, commands, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = RESOLVE_TIMEOUT)
    void onResolveTimeout(Countdown countdown, NearbyCrews crews, CommandGateway commands,
                          DeadlineManager deadlines) {
        if (countdown.round() == round && acknowledged) {
            escalateAgain(OverdueReason.NOT_RESOLVED, crews, commands, deadlines);
        }
    }

    private void escalateAgain(OverdueReason reason, NearbyCrews crews, CommandGateway commands,
                               DeadlineManager deadlines) {
        double widened = EscalationSettings.widened(radiusKm, maxRadiusKm);
        Boolean overdue = commands.sendAndWait(new MarkAlertOverdue(alertId, round + 1, reason, widened));
        if (!Boolean.TRUE.equals(overdue)) {
            // Acknowledged or resolved meanwhile: that event drives what comes next.
            return;
        }
        round++;
        radiusKm = widened;
        acknowledged = false;
        notifyNearby(crews, commands);
        deadlines.schedule(ackTimeout, ACK_TIMEOUT, new Countdown(round));
        log.warn("Alert {} is overdue ({}): round {}, now telling crews within {} km", alertId, reason, round,
                radiusKm);
    }

    private void notifyNearby(NearbyCrews crews, CommandGateway commands) {
        List<String> nearby = crews.within(location, radiusKm).stream().filter(id -> !id.equals(owner)).toList();
        notified.addAll(nearby);
        commands.sendAndWait(new NotifyNearbyCrews(alertId, round, radiusKm, location, nearby));
    }
}
