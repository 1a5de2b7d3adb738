package com.lineguard.query.replay;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs one rebuild at a time in the background and keeps the status of each rebuildable projection. */
@Component
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }

    /** Where a replay stands; {@code percent} of the event store's head position at its start. */
    public record Status(String processor, State state, long position, long head, double percent,
                         double eventsPerSecond, Instant startedAt, Instant finishedAt, String error) {
    }

    private final Map<String, Rebuild> rebuilds;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();

    public ReplayService(List<Rebuild> rebuilds) {
        this.rebuilds = rebuilds.stream().collect(Collectors.toMap(Rebuild::processor, Function.identity()));
    }

    public Status start(String processor) {
        Rebuild rebuild = rebuildOf(processor);
        Status current = status(processor);
        if (current.state() == State.RUNNING || current.state() == State.SWITCHING) {
            return current;
        }
        Instant startedAt = clock.instant();
        statuses.put(processor, new Status(processor, State.RUNNING, 0, 0, 0, 0, startedAt, null, null));
        runner.execute(() -> run(rebuild, startedAt));
        return status(processor);
    }

    public Status status(String processor) {
        rebuildOf(processor);
        return statuses.getOrDefault(processor, new Status(processor, State.IDLE, 0, 0, 0, 0, null, null, null));
    }

    private void run(Rebuild rebuild, Instant startedAt) {
        String processor = rebuild.processor();
        try {
            rebuild.run(new Rebuild.Progress() {
                @Override
                public void at(long position, long head) {
                    statuses.put(processor, progress(processor, State.RUNNING, position, head, startedAt, null));
                }

                @Override
                public void switching() {
                    Status current = statuses.get(processor);
                    statuses.put(processor, progress(processor, State.SWITCHING, current.position(), current.head(),
                            startedAt, null));
                }
            });
            Status last = statuses.get(processor);
            statuses.put(processor, progress(processor, State.DONE, last.head(), last.head(), startedAt, clock.instant()));
            log.info("Replay of {} done: {}", processor, statuses.get(processor));
        } catch (Exception e) {
            log.error("Replay of {} failed; the live read model was left as it was", processor, e);
            Status last = statuses.get(processor);
            statuses.put(processor, new Status(processor, State.FAILED, last.position(), last.head(), last.percent(),
                    last.eventsPerSecond(), startedAt, clock.instant(), e.getMessage()));
        }
    }

    private Status progress(String processor, State state, long position, long head, Instant startedAt,
                            Instant finishedAt) {
        double seconds = Math.max(0.001, Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
        double percent = head == 0 ? 100 : Math.min(100, 100.0 * position / head);
        return new Status(processor, state, position, head, percent, position / seconds, startedAt, finishedAt, null);
    }

    private Rebuild rebuildOf(String processor) {
        Rebuild rebuild = rebuilds.get(processor);
        if (rebuild == null) {
            throw new Rejected(ErrorCode.NOT_FOUND, "No rebuildable projection " + processor + "; known: "
                    + rebuilds.keySet());
        }
        return rebuild;
    }
}
