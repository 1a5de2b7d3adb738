package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Folds alert events into {@link AlertBoard} with {@link AlertView#evolve}, the same fold the command side answers
 * with. Applying an event twice (a redelivery after a crash) is harmless: the row remembers the alert's last sequence
 * number applied. Not the tracking token's position: events that commit late share one (V12).
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
    void on(AlertEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId, ReplayStatus replay) {
        applyTo(board, event, sequence).ifPresent(applied -> {
            if (!applied.after().equals(applied.before())) {
                changes.append(eventId, applied.after());
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
     * Applies the alert's event number {@code sequence} to a board (the live one, or the one a replay rebuilds);
     * empty when the board already had it.
     */
    static Optional<Applied> applyTo(AlertBoard board, AlertEvent event, long sequence) {
        AlertBoard.Entry current = board.find(event.alertId()).orElse(null);
        if (current != null && current.lastSequence() >= sequence) {
            return Optional.empty();
        }
        AlertView view = AlertView.evolve(current == null ? null : current.view(), event);
        AlertView ownerView = AlertView.evolveForOwner(current == null ? null : current.ownerView(), event);
        board.save(new AlertBoard.Entry(view, ownerView, sequence));
        return Optional.of(new Applied(current == null ? null : current.view(), view));
    }
}
