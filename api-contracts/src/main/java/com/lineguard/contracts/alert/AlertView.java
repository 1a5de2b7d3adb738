package com.lineguard.contracts.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertOverdue;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import com.lineguard.contracts.geo.GeoLocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it (API.md "AlertView"). It is a left fold over the alert's events: the command side
 * folds an aggregate's stream to answer a command, the query side folds the same events into its read model, so
 * both always show the same thing.
 */
public record AlertView(
        UUID alertId,
        AlertType type,
        AlertStatus status,
        String crewMemberId,
        GeoLocation location,
        String note,
        Instant createdAt,
        Instant dueAt,
        Instant escalatedAt,
        EscalationReason escalationReason,
        String acknowledgedBy,
        ResolutionOutcome resolvedOutcome,
        boolean duress,
        boolean overdue) {

    public static AlertView of(List<? extends AlertEvent> events) {
        AlertView view = null;
        for (AlertEvent event : events) {
            view = evolve(view, event);
        }
        if (view == null) {
            throw new IllegalArgumentException("an alert starts with EmergencyRaised or SafetyTimerArmed");
        }
        return view;
    }

    /** The view after {@code event}; {@code current} is null before the first event. */
    public static AlertView evolve(AlertView current, AlertEvent event) {
        if (event instanceof EmergencyRaised e) {
            return new AlertView(e.alertId(), AlertType.EMERGENCY, AlertStatus.ESCALATED, e.crewMemberId(),
                    e.location(), e.note(), e.at(), null, e.at(), EscalationReason.EMERGENCY, null, null, false, false);
        }
        if (event instanceof SafetyTimerArmed e) {
            return new AlertView(e.alertId(), AlertType.TIMER, AlertStatus.ARMED, e.crewMemberId(), e.location(),
                    e.note(), e.at(), e.dueAt(), null, null, null, null, false, false);
        }
        if (current == null) {
            throw new IllegalArgumentException("no alert before " + event.getClass().getSimpleName());
        }
        return current.apply(event);
    }

    private AlertView apply(AlertEvent event) {
        if (event instanceof SafetyTimerExtended e) {
            return new AlertView(alertId, type, status, crewMemberId, location, note, createdAt, e.dueAt(),
                    escalatedAt, escalationReason, acknowledgedBy, resolvedOutcome, duress, overdue);
        }
        if (event instanceof SafetyTimerCancelled) {
            return withStatus(AlertStatus.CANCELLED);
        }
        if (event instanceof AlertLocationReported e) {
            return new AlertView(alertId, type, status, crewMemberId, e.location(), note, createdAt, dueAt,
                    escalatedAt, escalationReason, acknowledgedBy, resolvedOutcome, duress, overdue);
        }
        if (event instanceof AlertEscalated e) {
            return new AlertView(alertId, type, AlertStatus.ESCALATED, crewMemberId, e.location(), note, createdAt,
                    dueAt, e.at(), e.reason(), acknowledgedBy, resolvedOutcome, e.duress(), overdue);
        }
        if (event instanceof AlertAcknowledged e) {
            return new AlertView(alertId, type, AlertStatus.ACKNOWLEDGED, crewMemberId, location, note, createdAt,
                    dueAt, escalatedAt, escalationReason, e.acknowledgedBy(), resolvedOutcome, duress, false);
        }
        if (event instanceof AlertResolved e) {
            return new AlertView(alertId, type, AlertStatus.RESOLVED, crewMemberId, location, note, createdAt,
                    dueAt, escalatedAt, escalationReason, acknowledgedBy, e.outcome(), duress, false);
        }
        if (event instanceof AlertOverdue e) {
            AlertStatus reopened = e.reason() == OverdueReason.NOT_RESOLVED ? AlertStatus.ESCALATED : status;
            return new AlertView(alertId, type, reopened, crewMemberId, location, note, createdAt, dueAt,
                    escalatedAt, escalationReason, reopened == status ? acknowledgedBy : null, resolvedOutcome,
                    duress, true);
        }
        // Events that do not change what the view shows (notifications, warnings) leave it as it is.
        return this;
    }

    private AlertView withStatus(AlertStatus newStatus) {
        return new AlertView(alertId, type, newStatus, crewMemberId, location, note, createdAt, dueAt, escalatedAt,
                escalationReason, acknowledgedBy, resolvedOutcome, duress, overdue);
    }

    /**
     * The view as the crew member who owns the alert sees it. A cancel under duress must look exactly like a normal
     * cancel on the phone (somebody may be watching it), so for the owner a duress escalation reads as a cancel and
     * nothing after a cancel is shown. Only dispatch sees the truth, through {@link #evolve}.
     */
    public static AlertView evolveForOwner(AlertView current, AlertEvent event) {
        if (current != null && current.status == AlertStatus.CANCELLED) {
            return current;
        }
        if (event instanceof AlertEscalated e && e.duress()) {
            return current.withStatus(AlertStatus.CANCELLED);
        }
        return evolve(current, event);
    }

    public static AlertView ofForOwner(List<? extends AlertEvent> events) {
        AlertView view = null;
        for (AlertEvent event : events) {
            view = evolveForOwner(view, event);
        }
        return view;
    }
}
