package com.lineguard.bench.lateness;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A minimal safety timer: arming it schedules a deadline at {@code dueAt}; when the deadline fires, the handler
 * re-checks state and appends {@link Escalated}. Deadlines are never cancelled (as in Lineguard).
 */
public class Timer {

    public static final String DEADLINE = "timer-due";

    public record ArmTimer(String timerId, Instant dueAt) {
    }

    public record TimerArmed(String timerId, Instant dueAt) {
    }

    public record TimerDue(String timerId, Instant dueAt) {
    }

    public record Escalated(String timerId, Instant dueAt) {
    }

    @AggregateIdentifier
    private String id;
    private Instant dueAt;
    private boolean escalated;

    protected Timer() {
        // for event sourcing
    }

    @CommandHandler
    public Timer(ArmTimer command, DeadlineManager deadlines) {
        apply(new TimerArmed(command.timerId(), command.dueAt()));
        deadlines.schedule(command.dueAt(), DEADLINE, new TimerDue(command.timerId(), command.dueAt()));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void onDue(TimerDue due) {
        if (!escalated) {
            apply(new Escalated(id, dueAt));
        }
    }

    @EventSourcingHandler
    void on(TimerArmed event) {
        this.id = event.timerId();
        this.dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(Escalated event) {
        this.escalated = true;
    }
}
