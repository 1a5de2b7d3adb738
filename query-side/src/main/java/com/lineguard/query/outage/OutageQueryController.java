package com.lineguard.query.outage;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.outage.OutageView;
import com.lineguard.contracts.outage.WorkNote;
import com.lineguard.platform.security.Actor;
import com.lineguard.platform.security.Role;
import com.lineguard.query.crew.CrewPositions;
import com.lineguard.query.crew.CrewRanking;
import com.lineguard.query.crew.CrewRanking.CrewSuggestion;
import com.lineguard.query.crew.CrewRoster;
import com.lineguard.query.crew.CrewRosterProjection;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.query.support.EventHistory;
import com.lineguard.query.support.ProjectionCatchUp;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Outage queries for dispatch and crews (API.md "Outages"). */
@RestController
@RequestMapping("/api/v1")
class OutageQueryController {

    private static final Duration READ_YOUR_WRITES_WAIT = Duration.ofSeconds(3);
    /** How many of the newest work-log entries the handover shows per outage. */
    static final int HANDOVER_NOTES = 3;

    /**
     * One entry of {@code GET /handover}: what is left for the next shift; notes newest first. {@code etrExpired}
     * flags an ETR that passed with the power still off: customers are waiting on a time nobody has renewed.
     */
    record HandoverEntry(UUID outageId, OutageStatus status, String assignedCrewId, Instant estimatedRestorationAt,
                         boolean etrExpired, List<WorkNote> latestNotes) {
    }

    private final OutageBoard board;
    private final CrewRoster roster;
    private final CrewPositions positions;
    private final ProjectionCatchUp catchUp;
    private final EventHistory eventHistory;

    OutageQueryController(OutageBoard board, CrewRoster roster, CrewPositions positions, ProjectionCatchUp catchUp,
                          EventHistory eventHistory) {
        this.board = board;
        this.roster = roster;
        this.positions = positions;
        this.catchUp = catchUp;
        this.eventHistory = eventHistory;
    }

    /** Every event of the outage, oldest first, with who did it and when (issue 7). */
    @GetMapping("/outages/{outageId}/history")
    @PreAuthorize("hasAnyRole('dispatcher', 'admin', 'auditor')")
    List<EventHistory.Entry> history(@PathVariable UUID outageId) {
        List<EventHistory.Entry> history = eventHistory.of(outageId.toString(), OutageEvent.class);
        if (history.isEmpty()) {
            throw new Rejected(ErrorCode.OUTAGE_NOT_FOUND, "No outage " + outageId + ".");
        }
        return history;
    }

    @GetMapping("/outages")
    @PreAuthorize("hasRole('dispatcher')")
    List<OutageView> outages(@RequestParam(defaultValue = "OPEN") String status) {
        catchUp.await(OutageProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        return board.withStatus(statusesFor(status));
    }

    @GetMapping("/outages/{outageId}")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher')")
    OutageView outage(@PathVariable UUID outageId, Actor actor) {
        catchUp.await(OutageProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        OutageView view = find(outageId);
        if (!actor.has(Role.DISPATCHER) && !actor.id().equals(view.assignedCrewId())) {
            throw new Rejected(ErrorCode.NOT_ASSIGNED, "This outage is assigned to another crew.");
        }
        return view;
    }

    @GetMapping("/crews/me/outages")
    @PreAuthorize("hasRole('crew')")
    List<OutageView> myOutages(Actor actor) {
        catchUp.await(OutageProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        return board.unclosedAssignedTo(actor.id());
    }

    @GetMapping("/handover")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher')")
    List<HandoverEntry> handover() {
        catchUp.await(OutageProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        return board.withStatus(EnumSet.complementOf(EnumSet.of(OutageStatus.CLOSED))).stream()
                .map(view -> new HandoverEntry(view.outageId(), view.status(), view.assignedCrewId(),
                        view.estimatedRestorationAt(), view.etrExpired(), view.latestNotes(HANDOVER_NOTES)))
                .toList();
    }

    @GetMapping("/outages/{outageId}/crew-suggestions")
    @PreAuthorize("hasRole('dispatcher')")
    List<CrewSuggestion> crewSuggestions(@PathVariable UUID outageId) {
        catchUp.await(OutageProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        catchUp.await(CrewRosterProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        OutageView outage = find(outageId);
        List<CrewRoster.CrewProfile> crews = roster.all();
        Map<String, GeoLocation> locations = positions.lastKnown(crews.stream().map(CrewRoster.CrewProfile::crewId).toList());
        Map<String, Integer> visits = board.pastVisitsTo(outage.deviceId(), outageId);
        List<CrewRanking.Candidate> candidates = crews.stream()
                .map(crew -> new CrewRanking.Candidate(crew.crewId(), new HashSet<>(crew.skills()),
                        locations.get(crew.crewId()), visits.getOrDefault(crew.crewId(), 0)))
                .toList();
        return CrewRanking.rank(outage.location(), outage.requiredSkills(), candidates);
    }

    private OutageView find(UUID outageId) {
        return board.find(outageId).map(OutageBoard.Entry::view)
                .orElseThrow(() -> new Rejected(ErrorCode.OUTAGE_NOT_FOUND, "No outage " + outageId + "."));
    }

    private static Set<OutageStatus> statusesFor(String status) {
        if ("OPEN".equals(status)) {
            return EnumSet.complementOf(EnumSet.of(OutageStatus.CLOSED));
        }
        try {
            return EnumSet.of(OutageStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid("status", "status must be OPEN or one of " + List.of(OutageStatus.values()));
        }
    }
}
