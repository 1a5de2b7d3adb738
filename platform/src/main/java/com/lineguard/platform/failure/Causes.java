package com.lineguard.platform.failure;

import java.util.function.Predicate;

/** What a failure is really about, whatever Axon, Spring or a driver wrapped it in. */
public final class Causes {

    private Causes() {
    }

    /** True when {@code failure} or any of its causes is one that {@code test} accepts. */
    public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
