package com.lineguard.bench.alerts;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Progress lines on stderr, so that stdout holds only the report. */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " "
                + String.format(Locale.ROOT, format, args));
    }

    /** Counts an error and prints the first one of a run in full. */
    static void firstError(AtomicLong errors, String call, Lineguard.Answer answer) {
        if (errors.incrementAndGet() == 1) {
            say("%s: first error: HTTP %d %s", call, answer.status(), answer.body());
        }
    }
}
