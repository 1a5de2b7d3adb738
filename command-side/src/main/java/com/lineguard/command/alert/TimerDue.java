package com.lineguard.command.alert;

import java.time.Instant;

/** Deadline payload: the countdown that ends at {@code dueAt}. An extension makes an earlier one stale. */
public record TimerDue(Instant dueAt) {

    public static final String DEADLINE = "safety-timer-due";
    /** The same countdown, {@code lineguard.timers.warning-before} earlier: time to warn the owner. */
    public static final String WARNING = "safety-timer-warning";
}
