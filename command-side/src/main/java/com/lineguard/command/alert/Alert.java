package com.lineguard.command.alert;

import com.lineguard.command.crew.LastKnownLocations;
import com.lineguard.command.crew.LocationFix;
import com.lineguard.contracts.alert.AlertCommands.AcknowledgeAlert;
import com.lineguard.contracts.alert.AlertCommands.CancelSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.EscalateOverdueTimer;
import com.lineguard.contracts.alert.AlertCommands.ExtendSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.MarkAlertOverdue;
import com.lineguard.contracts.alert.AlertCommands.NotifyNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StandDownNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StartEscalationPolicy;
import com.lineguard.contracts.alert.AlertCommands.ReportAlertLocation;
import com.lineguard.contracts.alert.AlertCommands.ResolveAlert;
import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertOverdue;
import com.lineguard.contracts.alert.AlertEvents.EscalationPolicyStarted;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsNotified;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsStoodDown;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExpiring;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import com.lineguard.contracts.alert.AlertStatus;
import com.lineguard.contracts.alert.AlertType;
import com.lineguard.contracts.alert.EscalationReason;
import com.lineguard.contracts.alert.OverdueReason;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.axon.AxonConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A safety alert: a panic press or a countdown. It decides every change of an alert; its events are the record.
 * <p>
 * Deadlines are never cancelled: cancelling one that is executing at that instant can fail and roll back the
 * cancel. Instead, the deadline handler decides on the state it finds, and an extension simply makes the earlier
 * deadline stale (its {@link TimerDue#dueAt()} no longer matches).
 */
// Every aggregate shares one event store: an id of another kind must read as "not found" (see AggregateTypeFilter).
@Aggregate(filterEventsByType = true)
public class Alert {

    static final String TIMER_ACTOR = "lineguard:safety-timer";
    static final String WATCHDOG_ACTOR = "lineguard:watchdog";
    static final String POLICY_ACTOR = "lineguard:escalation-policy";

    @AggregateIdentifier
    private UUID alertId;
    private AlertType type;
    private AlertStatus status;
    private String crewMemberId;
    private Instant dueAt;
    private LocationFix lastLocation;
    private boolean duress;
    private boolean escalationPolicyStarted;

    protected Alert() {
        // for Axon's event sourcing
    }

    static Alert raiseEmergency(UUID alertId, String crewMemberId, GeoLocation location, String note) {
        Alert alert = new Alert();
        apply(new EmergencyRaised(alertId, crewMemberId, location, note, now()));
        return alert;
    }

    static Alert armTimer(UUID alertId, String crewMemberId, Instant armedAt, Instant dueAt, GeoLocation location,
                          String note, TimerPolicy policy, DeadlineManager deadlines) {
        Alert alert = new Alert();
        apply(new SafetyTimerArmed(alertId, crewMemberId, location, note, dueAt, armedAt));
        scheduleCountdown(dueAt, armedAt, policy, deadlines);
        return alert;
    }

    private static void scheduleCountdown(Instant dueAt, Instant now, TimerPolicy policy, DeadlineManager deadlines) {
        deadlines.schedule(dueAt, TimerDue.DEADLINE, new TimerDue(dueAt));
        policy.warningAt(dueAt, now).ifPresent(warningAt ->
                deadlines.schedule(warningAt, TimerDue.WARNING, new TimerDue(dueAt)));
    }

    @CommandHandler
    void handle(ExtendSafetyTimer command, TimerPolicy policy, DeadlineManager deadlines) {
        Instant now = now();
        policy.requireOwnerFreshlySignedIn(crewMemberId, command.actor(), command.signedInAt(), now);
        requireArmed();
        Instant extended = policy.extendedDueAt(dueAt, command.additional(), now);
        apply(new SafetyTimerExtended(alertId, extended, now));
        scheduleCountdown(extended, now, policy, deadlines);
    }

    @CommandHandler
    void handle(CancelSafetyTimer command, TimerPolicy policy, LastKnownLocations crewLocations) {
        Instant now = now();
        policy.requireOwnerFreshlySignedIn(crewMemberId, command.actor(), command.signedInAt(), now);
        // After a duress cancel the owner must keep seeing a cancelled timer, so it answers as one (NOT_ARMED).
        if (type == AlertType.TIMER && !duress && status != AlertStatus.ARMED && status != AlertStatus.CANCELLED) {
            throw new Rejected(ErrorCode.ALREADY_ESCALATED, "The timer has already escalated: help is on its way.");
        }
        requireArmed();
        if (command.duress()) {
            apply(new AlertEscalated(alertId, crewMemberId, EscalationReason.DURESS, freshestLocation(crewLocations),
                    true, now));
        } else {
            apply(new SafetyTimerCancelled(alertId, now));
        }
    }

    @CommandHandler
    void handle(ReportAlertLocation command, TimerPolicy policy) {
        policy.requireOwner(crewMemberId, command.actor());
        if (status == AlertStatus.CANCELLED || status == AlertStatus.RESOLVED || duress) {
            throw new Rejected(ErrorCode.ALERT_CLOSED, "This alert is closed.");
        }
        apply(new AlertLocationReported(alertId, command.location(), now()));
    }

    @CommandHandler
    void handle(AcknowledgeAlert command) {
        if (status != AlertStatus.ESCALATED) {
            throw new Rejected(ErrorCode.NOT_ESCALATED, "Only an escalated alert can be acknowledged; it is " + status + ".");
        }
        apply(new AlertAcknowledged(alertId, command.actor(), command.note(), now()));
    }

    @CommandHandler
    void handle(ResolveAlert command) {
        if (status != AlertStatus.ESCALATED && status != AlertStatus.ACKNOWLEDGED) {
            throw new Rejected(ErrorCode.NOT_ESCALATED, "Only an escalated alert can be resolved; it is " + status + ".");
        }
        apply(new AlertResolved(alertId, command.actor(), command.outcome(), command.note(), now()));
    }

    /** The countdown ran out. A cancel or an extension that got here first has already decided. */
    @DeadlineHandler(deadlineName = TimerDue.DEADLINE)
    void on(TimerDue due, LastKnownLocations crewLocations) {
        if (status == AlertStatus.ARMED && due.dueAt().equals(dueAt)) {
            escalateExpiredTimer(crewLocations, TIMER_ACTOR);
        }
    }

    @DeadlineHandler(deadlineName = TimerDue.WARNING)
    void onWarning(TimerDue due) {
        if (status == AlertStatus.ARMED && due.dueAt().equals(dueAt)) {
            applyAs(TIMER_ACTOR, new SafetyTimerExpiring(alertId, crewMemberId, dueAt, now()));
        }
    }

    /**
     * The watchdog's second line of defence: a timer still armed after its due time escalates, whatever became of its
     * deadline. Idempotent: once escalated, nothing happens.
     */
    @CommandHandler
    boolean handle(EscalateOverdueTimer command, LastKnownLocations crewLocations) {
        if (status != AlertStatus.ARMED || now().isBefore(dueAt)) {
            return false;
        }
        escalateExpiredTimer(crewLocations, WATCHDOG_ACTOR);
        return true;
    }

    private void escalateExpiredTimer(LastKnownLocations crewLocations, String actor) {
        applyAs(actor, new AlertEscalated(alertId, crewMemberId, EscalationReason.TIMER_EXPIRED,
                freshestLocation(crewLocations), false, now()));
    }

    @CommandHandler
    void handle(StartEscalationPolicy command) {
        if (escalationPolicyStarted || status == AlertStatus.RESOLVED) {
            return;
        }
        applyAs(POLICY_ACTOR, new EscalationPolicyStarted(alertId, command.ackTimeout(), command.radiusKm(),
                command.maxRadiusKm(), command.resolveTimeout(), now()));
    }

    @CommandHandler
    void handle(NotifyNearbyCrews command) {
        if (status == AlertStatus.RESOLVED) {
            return;
        }
        List<String> others = command.crewMemberIds().stream().filter(id -> !id.equals(crewMemberId)).toList();
        applyAs(POLICY_ACTOR, new NearbyCrewsNotified(alertId, command.round(), command.radiusKm(),
                command.location(), others, now()));
    }

    /** Pushes the alert again, unless somebody took (or closed) it since the policy looked. */
    @CommandHandler
    boolean handle(MarkAlertOverdue command) {
        AlertStatus expected = command.reason() == OverdueReason.NOT_ACKNOWLEDGED
                ? AlertStatus.ESCALATED : AlertStatus.ACKNOWLEDGED;
        if (status != expected) {
            return false;
        }
        applyAs(POLICY_ACTOR, new AlertOverdue(alertId, command.round(), command.reason(), command.radiusKm(), now()));
        return true;
    }

    @CommandHandler
    void handle(StandDownNearbyCrews command) {
        if (!command.crewMemberIds().isEmpty()) {
            applyAs(POLICY_ACTOR, new NearbyCrewsStoodDown(alertId, command.crewMemberIds(), now()));
        }
    }

    /** Events decided by Lineguard itself carry a system actor, not the user whose call started the chain. */
    private static void applyAs(String actor, Object event) {
        apply(event, MetaData.with(AxonConfiguration.ACTOR, actor));
    }

    private void requireArmed() {
        if (status != AlertStatus.ARMED) {
            throw new Rejected(ErrorCode.NOT_ARMED, "This alert is not an armed timer.");
        }
    }

    /** Where to send help: the alert's own last position or the crew member's last report, whichever is newer. */
    private GeoLocation freshestLocation(LastKnownLocations crewLocations) {
        LocationFix fix = lastLocation;
        LocationFix reported = crewLocations.latest(crewMemberId).orElse(null);
        if (reported != null && reported.isNewerThan(fix)) {
            fix = reported;
        }
        return fix.location();
    }

    /** The time of a decision, to the millisecond as the API shows it; Axon's clock so fixtures can move time. */
    static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(EmergencyRaised event) {
        alertId = event.alertId();
        type = AlertType.EMERGENCY;
        status = AlertStatus.ESCALATED;
        crewMemberId = event.crewMemberId();
        lastLocation = new LocationFix(event.location(), event.at());
    }

    @EventSourcingHandler
    void on(SafetyTimerArmed event) {
        alertId = event.alertId();
        type = AlertType.TIMER;
        status = AlertStatus.ARMED;
        crewMemberId = event.crewMemberId();
        dueAt = event.dueAt();
        lastLocation = new LocationFix(event.location(), event.at());
    }

    @EventSourcingHandler
    void on(SafetyTimerExtended event) {
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(SafetyTimerCancelled event) {
        status = AlertStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AlertLocationReported event) {
        lastLocation = new LocationFix(event.location(), event.at());
    }

    @EventSourcingHandler
    void on(AlertEscalated event) {
        status = AlertStatus.ESCALATED;
        duress = event.duress();
    }

    @EventSourcingHandler
    void on(EscalationPolicyStarted event) {
        escalationPolicyStarted = true;
    }

    @EventSourcingHandler
    void on(AlertOverdue event) {
        if (event.reason() == OverdueReason.NOT_RESOLVED) {
            status = AlertStatus.ESCALATED;
        }
    }

    @EventSourcingHandler
    void on(AlertAcknowledged event) {
        status = AlertStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(AlertResolved event) {
        status = AlertStatus.RESOLVED;
    }
}
