package com.lineguard.contracts.outage;

import com.lineguard.contracts.geo.GeoLocation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What dispatchers, crews and the legacy back office ask of an outage. The actor ({@code sub}) travels in the
 * commands whose rules depend on who asks.
 */
public final class OutageCommands {

    private OutageCommands() {
    }

    /**
     * A dispatcher opens an outage. With an {@code externalRef} already known, nothing new is opened; the handler
     * answers with the id of the outage that holds the reference (a {@link UUID}).
     */
    public record ReportOutage(UUID outageId, String deviceId, GeoLocation location, int customersAffected,
                               String cause, List<String> requiredSkills, String externalRef) {
    }

    /**
     * The legacy back office reports an outage (BRIDGE.md {@code lineguard.legacy.outage-reported}). One outage per
     * {@code externalRef}: sending it again opens nothing. The handler answers with the outage's id (a {@link UUID}).
     */
    public record ReportOutageFromLegacy(String externalRef, String deviceId, GeoLocation location,
                                         int customersAffected, String cause, List<String> requiredSkills) {
    }

    public record AssignOutage(@TargetAggregateIdentifier UUID outageId, String actor, String crewId) {
    }

    /** The assigned crew's progress: {@code EN_ROUTE}, {@code ON_SITE} or {@code RESTORED}. */
    public record ChangeOutageStatus(@TargetAggregateIdentifier UUID outageId, String actor, OutageStatus status) {
    }

    /**
     * An ETR from a person: {@code source} is {@code CREW} (the assigned crew) or {@code DISPATCHER};
     * {@code confidence} is 0..1 or null.
     */
    public record SetEtr(@TargetAggregateIdentifier UUID outageId, String actor, EtrSource source,
                         Instant estimatedRestorationAt, String reason, Double confidence) {
    }

    /**
     * An ETR from the legacy outage prediction (BRIDGE.md {@code lineguard.legacy.etr-predicted}), naming the outage
     * by {@code outageId} or by {@code externalRef}. {@code confidence} is 0..1 or null.
     */
    public record PredictEtr(UUID outageId, String externalRef, Instant estimatedRestorationAt, String reason,
                             Double confidence) {
    }

    /** The legacy back office saw the supply come back (BRIDGE.md {@code lineguard.legacy.outage-restored}). */
    public record ReportOutageRestored(UUID outageId, String externalRef) {
    }

    /** A work-log entry; {@code byDispatch} is false for a crew member, who must be the assigned one. */
    public record AddWorkNote(@TargetAggregateIdentifier UUID outageId, String author, boolean byDispatch,
                              String text) {
    }

    public record CloseOutage(@TargetAggregateIdentifier UUID outageId, String actor) {
    }
}
