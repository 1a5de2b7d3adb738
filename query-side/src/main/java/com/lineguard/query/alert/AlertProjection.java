package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Folds alert events into {@link AlertBoard} with {@link AlertView#evolve}, the same fold the command side answers
 * with. Applying an event twice (a redelivery after a crash) is harmless: the row remembers its last position.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSOR)
class AlertProjection {

    static final String PROCESSOR = "alert-board";

    private final AlertBoard board;
    private final AlertChanges changes;
    private final DispatchStream dispatchStream;
    private final AlertMetrics metrics;

    AlertProjection(AlertBoard board, AlertChanges changes, DispatchStream dispatchStream, AlertMetrics metrics) {
        this.board = board;
        this.changes = changes;
        this.dispatchStream = dispatchStream;
        this.metrics = metrics;
    }

    @EventHandler
    void on(AlertEvent event, TrackingToken token, ReplayStatus replay) {
        long position = token.position().orElseThrow();
        applyTo(board, event, position).ifPresent(applied -> {
            if (!applied.after().equals(applied.before())) {
                changes.append(position, applied.after());
            }
            if (!replay.isReplay()) {
                metrics.applied(applied.before(), event);
            }
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> dispatchStream.changed()));
        });
    }

    /** An event reached the board: dispatch's view before it (null for a new alert) and after it. */
    record Applied(AlertView before, AlertView after) {
    }

    /**
     * Applies one event at its global {@code position} to a board (the live one, or the one a replay rebuilds);
     * empty when the board already had it.
     */
    static Optional<Applied> applyTo(AlertBoard board, AlertEvent event, long position) {
        AlertBoard.Entry current = board.find(event.alertId()).orElse(null);
        if (current != null && current.lastEvent() >= position) {
            return Optional.empty();
        }
        AlertView view = AlertView.evolve(current == null ? null : current.view(), event);
        AlertView ownerView = AlertView.evolveForOwner(current == null ? null : current.ownerView(), event);
        board.save(new AlertBoard.Entry(view, ownerView, position));
        return Optional.of(new Applied(current == null ? null : current.view(), view));
    }
}
