package com.lineguard.query.alert;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /stream/dispatch}: an {@code alert} event with the view on every change of any alert.
 * <p>
 * The stream follows the read model, not in-memory events: one poller per node reads the rows changed since the
 * last position it sent (every {@link #POLL_MILLIS} ms, and at once when this node's projection commits). So every
 * node's clients see changes projected on any node, and a client that reconnects with {@code Last-Event-ID} gets
 * every alert that changed meanwhile.
 */
@Component
class DispatchStream {

    private static final Logger log = LoggerFactory.getLogger(DispatchStream.class);
    static final long POLL_MILLIS = 250;
    private static final int BATCH = 500;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final AlertBoard board;
    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dispatch-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile long sentUpTo = -1;
    private long lastHeartbeat = System.currentTimeMillis();

    DispatchStream(AlertBoard board) {
        this.board = board;
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(e -> clients.remove(emitter));
        // Replay what the client missed on the poller thread, so that no change is sent out of order or twice.
        poller.execute(() -> {
            try {
                if (lastEventId != null) {
                    for (AlertBoard.Entry entry : board.changedAfter(lastEventId, Integer.MAX_VALUE)) {
                        if (sentUpTo >= 0 && entry.lastEvent() > sentUpTo) {
                            break;
                        }
                        send(emitter, entry);
                    }
                }
                emitter.send(SseEmitter.event().comment("connected"));
                clients.add(emitter);
            } catch (Exception e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** This node's projection committed a change: push it now rather than at the next poll. */
    void changed() {
        if (wakeUpPending.compareAndSet(false, true)) {
            poller.execute(this::pollSafely);
        }
    }

    /** Ends every open stream (a client reconnects with Last-Event-ID); for operations and tests. */
    void disconnectAll() {
        poller.execute(() -> clients.forEach(SseEmitter::complete));
    }

    @PreDestroy
    void stop() {
        clients.forEach(SseEmitter::complete);
        poller.shutdownNow();
    }

    private void pollSafely() {
        wakeUpPending.set(false);
        try {
            poll();
        } catch (Exception e) {
            log.warn("Dispatch stream poll failed; retrying", e);
        }
    }

    private void poll() throws IOException {
        if (sentUpTo < 0) {
            sentUpTo = board.lastEvent();
        }
        List<AlertBoard.Entry> changes = board.changedAfter(sentUpTo, BATCH);
        for (AlertBoard.Entry entry : changes) {
            for (SseEmitter client : clients) {
                try {
                    send(client, entry);
                } catch (Exception e) {
                    clients.remove(client);
                }
            }
            sentUpTo = entry.lastEvent();
        }
        if (System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS) {
            lastHeartbeat = System.currentTimeMillis();
            for (SseEmitter client : clients) {
                try {
                    client.send(SseEmitter.event().comment("heartbeat"));
                } catch (Exception e) {
                    clients.remove(client);
                }
            }
        }
    }

    private static void send(SseEmitter emitter, AlertBoard.Entry entry) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(entry.lastEvent()))
                .name("alert")
                .data(entry.view(), MediaType.APPLICATION_JSON));
    }
}
