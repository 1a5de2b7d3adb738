package com.lineguard.contracts.outage;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageEvents.EtrEstimated;
import com.lineguard.contracts.outage.OutageEvents.EtrExpired;
import com.lineguard.contracts.outage.OutageEvents.OutageAssigned;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageEvents.OutageReported;
import com.lineguard.contracts.outage.OutageEvents.OutageStatusChanged;
import com.lineguard.contracts.outage.OutageEvents.WorkNoteAdded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An outage as the API shows it (API.md "OutageView"): a left fold over its events, used by the command side to
 * answer a command and by the query side's projection, so both always show the same thing. {@code etrExpired}: the
 * ETR shown passed with the power still off, and nobody has given a new one yet.
 */
public record OutageView(
        UUID outageId,
        OutageStatus status,
        String deviceId,
        GeoLocation location,
        int customersAffected,
        String cause,
        List<String> requiredSkills,
        String externalRef,
        String assignedCrewId,
        Instant estimatedRestorationAt,
        EtrSource etrSource,
        boolean etrExpired,
        Instant createdAt,
        Instant updatedAt,
        List<WorkNote> workLog) {

    public static OutageView of(List<? extends OutageEvent> events) {
        OutageView view = null;
        for (OutageEvent event : events) {
            view = evolve(view, event);
        }
        if (view == null) {
            throw new IllegalArgumentException("an outage starts with OutageReported");
        }
        return view;
    }

    /** The view after {@code event}; {@code current} is null before the first event. */
    public static OutageView evolve(OutageView current, OutageEvent event) {
        if (event instanceof OutageReported e) {
            return new OutageView(e.outageId(), OutageStatus.REPORTED, e.deviceId(), e.location(),
                    e.customersAffected(), e.cause(), List.copyOf(e.requiredSkills()), e.externalRef(), null, null,
                    null, false, e.at(), e.at(), List.of());
        }
        if (current == null) {
            throw new IllegalArgumentException("no outage before " + event.getClass().getSimpleName());
        }
        return current.apply(event);
    }

    private OutageView apply(OutageEvent event) {
        if (event instanceof OutageAssigned e) {
            return new OutageView(outageId, OutageStatus.ASSIGNED, deviceId, location, customersAffected, cause,
                    requiredSkills, externalRef, e.crewId(), estimatedRestorationAt, etrSource, etrExpired, createdAt, e.at(),
                    workLog);
        }
        if (event instanceof OutageStatusChanged e) {
            return new OutageView(outageId, e.status(), deviceId, location, customersAffected, cause,
                    requiredSkills, externalRef, assignedCrewId, estimatedRestorationAt, etrSource, etrExpired, createdAt,
                    e.at(), workLog);
        }
        if (event instanceof EtrEstimated e && e.shown()) {
            return new OutageView(outageId, status, deviceId, location, customersAffected, cause, requiredSkills,
                    externalRef, assignedCrewId, e.estimatedRestorationAt(), e.source(), false, createdAt, e.at(),
                    workLog);
        }
        if (event instanceof EtrExpired e) {
            return new OutageView(outageId, status, deviceId, location, customersAffected, cause, requiredSkills,
                    externalRef, assignedCrewId, estimatedRestorationAt, etrSource, true, createdAt, e.at(), workLog);
        }
        if (event instanceof WorkNoteAdded e) {
            List<WorkNote> notes = new ArrayList<>(workLog);
            notes.add(new WorkNote(e.author(), e.at(), e.text()));
            return new OutageView(outageId, status, deviceId, location, customersAffected, cause, requiredSkills,
                    externalRef, assignedCrewId, estimatedRestorationAt, etrSource, etrExpired, createdAt, e.at(),
                    List.copyOf(notes));
        }
        // Hidden predictions and notifications change nothing that the view shows.
        return this;
    }

    /** The newest {@code count} work-log entries, newest first: what the next shift reads first. */
    public List<WorkNote> latestNotes(int count) {
        List<WorkNote> latest = new ArrayList<>();
        for (int i = workLog.size() - 1; i >= 0 && latest.size() < count; i--) {
            latest.add(workLog.get(i));
        }
        return latest;
    }
}
