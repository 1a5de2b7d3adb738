package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Folds alert events into {@link AlertBoard} with {@link AlertView#evolve}, the same fold the command side answers
 * with. Applying an event twice (a redelivery after a crash) is harmless: the row remembers its last position.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSOR)
class AlertProjection {

    static final String PROCESSOR = "alert-board";

    private final AlertBoard board;
    private final DispatchStream dispatchStream;
    private final AlertMetrics metrics;

    AlertProjection(AlertBoard board, DispatchStream dispatchStream, AlertMetrics metrics) {
        this.board = board;
        this.dispatchStream = dispatchStream;
        this.metrics = metrics;
    }

    @EventHandler
    void on(AlertEvent event, TrackingToken token, ReplayStatus replay) {
        long position = token.position().orElseThrow();
        AlertBoard.Entry current = board.find(event.alertId()).orElse(null);
        if (current != null && current.lastEvent() >= position) {
            return;
        }
        AlertView view = AlertView.evolve(current == null ? null : current.view(), event);
        AlertView ownerView = AlertView.evolveForOwner(current == null ? null : current.ownerView(), event);
        board.save(new AlertBoard.Entry(view, ownerView, position));
        if (!replay.isReplay()) {
            metrics.applied(current == null ? null : current.view(), event);
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> dispatchStream.changed()));
    }
}
