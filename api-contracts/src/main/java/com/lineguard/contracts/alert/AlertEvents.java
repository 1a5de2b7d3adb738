package com.lineguard.contracts.alert;

import com.lineguard.contracts.crew.CrewNotification;
import com.lineguard.contracts.crew.SupervisorNotification;
import com.lineguard.contracts.geo.GeoLocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an alert, in the order it happened. Events are facts: they are never changed, and each carries
 * the instant it happened so that a view can be rebuilt from them alone.
 */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** Marker for every alert event: the alert it belongs to and when it happened. */
    public sealed interface AlertEvent {
        UUID alertId();

        Instant at();
    }

    public record EmergencyRaised(UUID alertId, String crewMemberId, GeoLocation location, String note, Instant at)
            implements AlertEvent {
    }

    public record SafetyTimerArmed(UUID alertId, String crewMemberId, GeoLocation location, String note,
                                   Instant dueAt, Instant at) implements AlertEvent {
    }

    public record SafetyTimerExtended(UUID alertId, Instant dueAt, Instant at) implements AlertEvent {
    }

    public record SafetyTimerCancelled(UUID alertId, Instant at) implements AlertEvent {
    }

    public record AlertLocationReported(UUID alertId, GeoLocation location, Instant at) implements AlertEvent {
    }

    /**
     * Help must be sent: to {@code location}, the freshest position known when the alert escalated.
     * {@code duress} is true when the crew member cancelled with the duress PIN.
     */
    public record AlertEscalated(UUID alertId, String crewMemberId, EscalationReason reason, GeoLocation location,
                                 boolean duress, Instant at) implements AlertEvent {
    }

    /**
     * The escalation policy in force when the alert escalated, frozen for this alert: a later configuration change
     * does not alter a running escalation.
     */
    public record EscalationPolicyStarted(UUID alertId, Duration ackTimeout, double radiusKm, double maxRadiusKm,
                                          Duration resolveTimeout, Instant at) implements AlertEvent {
    }

    /** Crew members whose last known location lies within {@code radiusKm} of {@code location} were told. */
    public record NearbyCrewsNotified(UUID alertId, int round, double radiusKm, GeoLocation location,
                                      List<String> crewMemberIds, Instant at) implements AlertEvent, CrewNotification {
        @Override
        public String notificationKind() {
            return "nearby-emergency";
        }

        @Override
        public List<String> recipients() {
            return crewMemberIds;
        }

        @Override
        public UUID subjectId() {
            return alertId;
        }
    }

    /** Nobody acted in time: the alert is pushed again, wider, and supervisors are told. */
    public record AlertOverdue(UUID alertId, int round, OverdueReason reason, double radiusKm, Instant at)
            implements AlertEvent, SupervisorNotification {
        @Override
        public String notificationKind() {
            return "alert-overdue";
        }

        @Override
        public UUID subjectId() {
            return alertId;
        }
    }

    /** A false alarm: the crew members who were told can stand down. */
    public record NearbyCrewsStoodDown(UUID alertId, List<String> crewMemberIds, Instant at)
            implements AlertEvent, CrewNotification {
        @Override
        public String notificationKind() {
            return "stand-down";
        }

        @Override
        public List<String> recipients() {
            return crewMemberIds;
        }

        @Override
        public UUID subjectId() {
            return alertId;
        }
    }

    /** The owner is warned before the countdown runs out, so one who is fine can cancel or extend in time. */
    public record SafetyTimerExpiring(UUID alertId, String crewMemberId, Instant dueAt, Instant at)
            implements AlertEvent, CrewNotification {
        @Override
        public String notificationKind() {
            return "timer-expiring";
        }

        @Override
        public List<String> recipients() {
            return List.of(crewMemberId);
        }

        @Override
        public UUID subjectId() {
            return alertId;
        }
    }

    public record AlertAcknowledged(UUID alertId, String acknowledgedBy, String note, Instant at)
            implements AlertEvent {
    }

    public record AlertResolved(UUID alertId, String resolvedBy, ResolutionOutcome outcome, String note, Instant at)
            implements AlertEvent {
    }
}
