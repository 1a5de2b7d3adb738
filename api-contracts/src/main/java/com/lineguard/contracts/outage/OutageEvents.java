package com.lineguard.contracts.outage;

import com.lineguard.contracts.crew.CrewNotification;
import com.lineguard.contracts.customer.CustomerNotification;
import com.lineguard.contracts.geo.GeoLocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to an outage, in order. Notifications are facts on the outage too: who is to be told what. */
public final class OutageEvents {

    private OutageEvents() {
    }

    /** Marker for every outage event: the outage it belongs to and when it happened. */
    public sealed interface OutageEvent {
        UUID outageId();

        Instant at();
    }

    public record OutageReported(UUID outageId, String deviceId, GeoLocation location, int customersAffected,
                                 String cause, List<String> requiredSkills, String externalRef, Instant at)
            implements OutageEvent {
    }

    /** {@code previousCrewId} is null on the first assignment and names the crew taken off on a re-assignment. */
    public record OutageAssigned(UUID outageId, String crewId, String previousCrewId, Instant at)
            implements OutageEvent {
    }

    /** {@code changedBy} is the crew member, the dispatcher or the legacy back office. */
    public record OutageStatusChanged(UUID outageId, OutageStatus status, String changedBy, Instant at)
            implements OutageEvent {
    }

    /**
     * An estimate of when power is back. {@code shown} is false for a prediction that arrived while a crew member's
     * or dispatcher's estimate stood: it stays in the history but does not become the outage's ETR.
     */
    public record EtrEstimated(UUID outageId, Instant estimatedRestorationAt, EtrSource source, Double confidence,
                               String reason, String estimatedBy, boolean shown, Instant at)
            implements OutageEvent {
    }

    /** The ETR passed with the power still off: tell the assigned crew (if any) and dispatch. */
    public record EtrExpired(UUID outageId, Instant estimatedRestorationAt, String assignedCrewId, Instant at)
            implements OutageEvent, CrewNotification {
        @Override
        public String notificationKind() {
            return "etr-expired";
        }

        @Override
        public List<String> recipients() {
            return assignedCrewId == null ? List.of() : List.of(assignedCrewId);
        }

        @Override
        public UUID subjectId() {
            return outageId;
        }
    }

    public record WorkNoteAdded(UUID outageId, String author, String text, Instant at) implements OutageEvent {
    }

    /** A crew member is to be told: by {@code /stream/crew} and the push gateway. */
    public record CrewNotificationDue(UUID outageId, String crewId, CrewNotificationKind kind, Instant at)
            implements OutageEvent, CrewNotification {
        @Override
        public String notificationKind() {
            return kind.wireName();
        }

        @Override
        public List<String> recipients() {
            return List.of(crewId);
        }

        @Override
        public UUID subjectId() {
            return outageId;
        }
    }

    /** Customers are to be told what they now see: the status and ETR as of this event. */
    public record CustomerNotificationDue(UUID outageId, OutageStatus status, Instant estimatedRestorationAt,
                                          Instant at) implements OutageEvent, CustomerNotification {
    }
}
