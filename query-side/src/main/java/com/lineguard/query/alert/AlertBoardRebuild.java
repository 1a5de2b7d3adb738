package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.query.audit.EventLog;
import com.lineguard.query.replay.Rebuild;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the alert board from the event store without the dispatcher's board ever going blank or wrong (ADR 0008):
 * the events are folded, with the projection's own {@link AlertProjection#applyTo}, into a table beside the live one
 * while the live projection keeps running. Once caught up, the live projection pauses for an instant, the last
 * events are folded in, the tables swap in one transaction, and the projection resumes on the rebuilt table (it skips
 * what the rebuilt rows already hold).
 */
@Component
class AlertBoardRebuild implements Rebuild {

    private static final int COMMIT_EVERY = 1_000;
    /** How far behind the head a transaction may still commit and be seen: Axon's own gap window (maxGapOffset). */
    private static final long LATE_COMMIT_WINDOW = 10_000;

    private final AlertBoard liveBoard;
    private final EventLog eventLog;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventProcessingConfiguration processing;
    private final DispatchStream dispatchStream;

    AlertBoardRebuild(AlertBoard liveBoard, EventLog eventLog, JdbcTemplate jdbc,
                      PlatformTransactionManager transactionManager, EventProcessingConfiguration processing,
                      DispatchStream dispatchStream) {
        this.liveBoard = liveBoard;
        this.eventLog = eventLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        // One snapshot per fold: reading batch by batch at different moments, a fold could see an alert's later event
        // and miss an earlier one that was still committing.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.processing = processing;
        this.dispatchStream = dispatchStream;
    }

    @Override
    public String processor() {
        return AlertProjection.PROCESSOR;
    }

    @Override
    public void run(Progress progress) throws Exception {
        AlertBoard rebuilt = liveBoard.rebuild();
        jdbc.execute("truncate table " + AlertBoard.REBUILD);
        long head = eventLog.head();
        long readAgainAfter = foldInto(rebuilt, 0, head, progress);

        StreamingEventProcessor live = processing.eventProcessor(processor(), StreamingEventProcessor.class)
                .orElseThrow();
        progress.switching();
        live.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            // Read again from the first recent hole: a transaction still committing when the fold read past it may have
            // reached the live board since. What the rebuilt board holds already is skipped by its sequence number.
            foldInto(rebuilt, readAgainAfter, eventLog.head(), progress);
            transaction.executeWithoutResult(status -> jdbc.execute("""
                    alter table alert_view rename to alert_view_swap;
                    alter table alert_view_rebuild rename to alert_view;
                    alter table alert_view_swap rename to alert_view_rebuild;
                    truncate table alert_view_rebuild"""));
        } finally {
            live.start();
        }
        dispatchStream.changed();
    }

    /**
     * Folds the events after {@code after} up to {@code head}, in one snapshot; returns where a later fold must read
     * from so as not to miss what was still committing: before the first empty position in the last window read.
     */
    private long foldInto(AlertBoard board, long after, long head, Progress progress) {
        long[] position = {after};
        ArrayDeque<long[]> recentHoles = new ArrayDeque<>();
        transaction.executeWithoutResult(status -> eventLog.forEachAfter(after, entry -> {
            long globalIndex = entry.stored().globalIndex();
            if (globalIndex > head) {
                return;
            }
            if (globalIndex > position[0] + 1) {
                recentHoles.addLast(new long[] {position[0] + 1, globalIndex - 1});
            }
            while (!recentHoles.isEmpty() && recentHoles.peekFirst()[1] < globalIndex - LATE_COMMIT_WINDOW) {
                recentHoles.removeFirst();
            }
            position[0] = globalIndex;
            if (entry.payload() instanceof AlertEvent event) {
                AlertProjection.applyTo(board, event, entry.stored().sequence());
            }
            if (globalIndex % COMMIT_EVERY == 0) {
                progress.at(globalIndex, head);
            }
        }));
        progress.at(position[0], head);
        if (recentHoles.isEmpty()) {
            return position[0];
        }
        return Math.max(recentHoles.peekFirst()[0], position[0] - LATE_COMMIT_WINDOW) - 1;
    }
}
