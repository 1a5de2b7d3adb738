package com.lineguard.command.alert;

import java.time.Instant;

/** Deadline payload: the countdown that ends at {@code dueAt}. An extension makes an earlier one stale. */
public record TimerDue(Instant dueAt) {

    public static final String DEADLINE = "safety-timer-due";
}
