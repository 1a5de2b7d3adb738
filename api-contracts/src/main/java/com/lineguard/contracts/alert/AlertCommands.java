package com.lineguard.contracts.alert;

import com.lineguard.contracts.geo.GeoLocation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What crew members and dispatchers ask of an alert. The actor ({@code sub}) travels in every command so the
 * aggregate can decide who may do what; the same value is recorded in each event's metadata.
 */
public final class AlertCommands {

    private AlertCommands() {
    }

    public record RaiseEmergency(UUID alertId, String crewMemberId, GeoLocation location, String note) {
    }

    public record ArmSafetyTimer(UUID alertId, String crewMemberId, Duration duration, GeoLocation location,
                                 String note) {
    }

    /** {@code signedInAt} is the actor's last sign-in ({@code auth_time}); extending needs a fresh one. */
    public record ExtendSafetyTimer(@TargetAggregateIdentifier UUID alertId, String actor, Instant signedInAt,
                                    Duration additional) {
    }

    /** {@code duress}: the crew member keyed the duress PIN; it must look like a cancel and escalate silently. */
    public record CancelSafetyTimer(@TargetAggregateIdentifier UUID alertId, String actor, Instant signedInAt,
                                    boolean duress) {
    }

    public record ReportAlertLocation(@TargetAggregateIdentifier UUID alertId, String actor, GeoLocation location) {
    }

    /** The watchdog found an armed timer past due that the deadline manager did not deliver. */
    public record EscalateOverdueTimer(@TargetAggregateIdentifier UUID alertId) {
    }

    public record StartEscalationPolicy(@TargetAggregateIdentifier UUID alertId, Duration ackTimeout, double radiusKm,
                                        double maxRadiusKm, Duration resolveTimeout) {
    }

    public record NotifyNearbyCrews(@TargetAggregateIdentifier UUID alertId, int round, double radiusKm,
                                    GeoLocation location, List<String> crewMemberIds) {
    }

    public record MarkAlertOverdue(@TargetAggregateIdentifier UUID alertId, int round, OverdueReason reason,
                                   double radiusKm) {
    }

    public record StandDownNearbyCrews(@TargetAggregateIdentifier UUID alertId, List<String> crewMemberIds) {
    }

    public record AcknowledgeAlert(@TargetAggregateIdentifier UUID alertId, String actor, String note) {
    }

    public record ResolveAlert(@TargetAggregateIdentifier UUID alertId, String actor, ResolutionOutcome outcome,
                               String note) {
    }
}
