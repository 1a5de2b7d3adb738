package com.lineguard.query.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A server-sent-event feed that follows a read model, not in-memory events: one poller per node reads the rows
 * written since the last position it sent (every {@link #POLL_MILLIS} ms, and at once after this node's projection
 * commits), so clients on every node see changes projected on any node. The SSE {@code id} is the row's position;
 * a client that reconnects with {@code Last-Event-ID} gets everything it missed, from the database.
 * <p>
 * Positions must become visible in increasing order: the projections behind a feed run on one segment.
 *
 * @param <T> a row of the read model
 */
public final class LiveFeed<T> implements AutoCloseable {

    /** Rows of the read model after a position, in position order. */
    public interface Rows<T> {
        List<T> after(long position, int limit);
    }

    /** How a row travels: its position (the SSE id), the SSE event name and the JSON data. */
    public interface Shape<T> {
        long position(T row);

        String eventName(T row);

        Object data(T row);
    }

    private record Subscriber<T>(SseEmitter emitter, Predicate<T> wants) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    public static final long POLL_MILLIS = 250;
    private static final int BATCH = 500;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final Rows<T> rows;
    private final LongSupplier head;
    private final Shape<T> shape;
    private final List<Subscriber<T>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private long sentUpTo = -1;
    private long lastHeartbeat = System.currentTimeMillis();

    /** {@code head}: the newest position in the read model; a new feed starts sending after it. */
    public LiveFeed(String name, Rows<T> rows, LongSupplier head, Shape<T> shape) {
        this.rows = rows;
        this.head = head;
        this.shape = shape;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the rows {@code wants} accepts. With {@code lastEventId}, first replays {@code missed} (the
     * rows after it that this subscriber wants) up to what the feed has already sent live.
     */
    public SseEmitter subscribe(Predicate<T> wants, Long lastEventId, Rows<T> missed) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber<T> subscriber = new Subscriber<>(emitter, wants);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        // On the poller thread, so that nothing is sent out of order or twice between replay and live rows.
        poller.execute(() -> {
            try {
                if (sentUpTo < 0) {
                    sentUpTo = head.getAsLong();
                }
                if (lastEventId != null) {
                    for (T row : missed.after(lastEventId, Integer.MAX_VALUE)) {
                        if (shape.position(row) > sentUpTo) {
                            break;
                        }
                        send(emitter, row);
                    }
                }
                emitter.send(SseEmitter.event().comment("connected"));
                subscribers.add(subscriber);
            } catch (Exception e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** This node's projection committed a change: push it now rather than at the next poll. */
    public void changed() {
        if (wakeUpPending.compareAndSet(false, true)) {
            poller.execute(this::pollSafely);
        }
    }

    /** Ends every open stream; clients reconnect with Last-Event-ID. */
    public void disconnectAll() {
        poller.execute(() -> subscribers.forEach(s -> s.emitter().complete()));
    }

    @Override
    public void close() {
        subscribers.forEach(s -> s.emitter().complete());
        poller.shutdownNow();
    }

    private void pollSafely() {
        wakeUpPending.set(false);
        try {
            poll();
        } catch (Exception e) {
            log.warn("Live feed poll failed; retrying", e);
        }
    }

    private void poll() {
        if (sentUpTo < 0) {
            sentUpTo = head.getAsLong();
        }
        for (T row : rows.after(sentUpTo, BATCH)) {
            for (Subscriber<T> subscriber : subscribers) {
                if (subscriber.wants().test(row)) {
                    try {
                        send(subscriber.emitter(), row);
                    } catch (Exception e) {
                        subscribers.remove(subscriber);
                    }
                }
            }
            sentUpTo = shape.position(row);
        }
        if (System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS) {
            lastHeartbeat = System.currentTimeMillis();
            for (Subscriber<T> subscriber : subscribers) {
                try {
                    subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
                } catch (Exception e) {
                    subscribers.remove(subscriber);
                }
            }
        }
    }

    private void send(SseEmitter emitter, T row) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(shape.position(row)))
                .name(shape.eventName(row))
                .data(shape.data(row), MediaType.APPLICATION_JSON));
    }
}
