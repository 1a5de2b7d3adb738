package com.lineguard.bench.alerts;

import java.util.Arrays;
import java.util.Collection;

/** A sorted set of durations in microseconds, with nearest-rank percentiles in milliseconds. */
record Distribution(String name, long[] sortedMicros) {

    static Distribution of(String name, Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Distribution(name, sorted);
    }

    static Distribution of(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Distribution(name, sorted);
    }

    int count() {
        return sortedMicros.length;
    }

    double percentileMillis(double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.min(sortedMicros.length - 1, Math.max(0, Math.ceil(p * sortedMicros.length) - 1));
        return sortedMicros[rank] / 1000.0;
    }

    double maxMillis() {
        return percentileMillis(1.0);
    }
}
