package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertStatus;
import com.lineguard.contracts.alert.AlertView;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.Actor;
import com.lineguard.query.support.EventHistory;
import com.lineguard.query.support.ProjectionCatchUp;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Alert queries and the dispatch stream (API.md "Safety alerts"). */
@RestController
@RequestMapping("/api/v1")
class AlertQueryController {

    private static final Duration READ_YOUR_WRITES_WAIT = Duration.ofSeconds(3);
    static final String STREAM_POSITION = "X-Stream-Position";

    private final AlertBoard board;
    private final ProjectionCatchUp catchUp;
    private final EventHistory eventHistory;
    private final DispatchStream dispatchStream;

    AlertQueryController(AlertBoard board, ProjectionCatchUp catchUp, EventHistory eventHistory,
                         DispatchStream dispatchStream) {
        this.board = board;
        this.catchUp = catchUp;
        this.eventHistory = eventHistory;
        this.dispatchStream = dispatchStream;
    }

    /**
     * The board, with {@value #STREAM_POSITION} naming a dispatch-stream position the list already contains: a client
     * that opens {@code /stream/dispatch} with it as {@code Last-Event-ID} misses no change between the two calls.
     * It is read before the list, so the list may be newer than it, never older; replays are whole views, so a
     * replayed change the list already shows is harmless.
     */
    @GetMapping("/alerts")
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<List<AlertView>> alerts(@RequestParam(defaultValue = "ACTIVE") String status) {
        catchUp.await(AlertProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        Set<AlertStatus> statuses = statusesFor(status);
        long position = dispatchStream.head();
        return ResponseEntity.ok()
                .header(STREAM_POSITION, Long.toString(position))
                .body(board.withStatus(statuses));
    }

    @GetMapping("/alerts/{alertId}")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher', 'admin')")
    AlertView alert(@PathVariable UUID alertId, Actor actor) {
        catchUp.await(AlertProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        AlertBoard.Entry entry = board.find(alertId)
                .orElseThrow(() -> new Rejected(ErrorCode.ALERT_NOT_FOUND, "No alert " + alertId + "."));
        if (actor.seesTheWholeTruth()) {
            return entry.view();
        }
        if (!entry.view().crewMemberId().equals(actor.id())) {
            throw new Rejected(ErrorCode.NOT_OWNER, "This is another crew member's alert.");
        }
        return entry.ownerView();
    }

    @GetMapping("/crews/me/alerts")
    @PreAuthorize("hasRole('crew')")
    List<AlertView> myAlerts(Actor actor) {
        catchUp.await(AlertProjection.PROCESSOR, READ_YOUR_WRITES_WAIT);
        return board.openForOwner(actor.id());
    }

    /** Read from the event store itself, not a projection: the record, exactly as it was written. */
    @GetMapping("/alerts/{alertId}/history")
    @PreAuthorize("hasAnyRole('dispatcher', 'admin', 'auditor')")
    List<EventHistory.Entry> history(@PathVariable UUID alertId) {
        List<EventHistory.Entry> history = eventHistory.of(alertId.toString(), AlertEvent.class);
        if (history.isEmpty()) {
            throw new Rejected(ErrorCode.ALERT_NOT_FOUND, "No alert " + alertId + ".");
        }
        return history;
    }

    @GetMapping(path = "/stream/dispatch", produces = "text/event-stream")
    @PreAuthorize("hasRole('dispatcher')")
    SseEmitter dispatchStream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return dispatchStream.subscribe(lastEventId);
    }

    private static Set<AlertStatus> statusesFor(String status) {
        if ("ACTIVE".equals(status)) {
            return EnumSet.of(AlertStatus.ARMED, AlertStatus.ESCALATED, AlertStatus.ACKNOWLEDGED);
        }
        try {
            return EnumSet.of(AlertStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid("status", "status must be ACTIVE or one of " + List.of(AlertStatus.values()));
        }
    }
}
