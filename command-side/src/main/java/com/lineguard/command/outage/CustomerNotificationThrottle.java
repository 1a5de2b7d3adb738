package com.lineguard.command.outage;

import com.lineguard.contracts.outage.OutageStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When customers are told about their outage again. A storm can move an ETR every few minutes; a text message each
 * time would teach customers to ignore them.
 * <ul>
 *     <li>Only news counts: a new status, or an ETR that moved by at least {@code etrThreshold}
 *     ({@code lineguard.customer-notifications.etr-threshold}) from the one they were last told.</li>
 *     <li>At most one message per {@code minInterval} ({@code lineguard.customer-notifications.min-interval}) per
 *     outage, except that "power is back" ({@code RESTORED}) is always sent at once.</li>
 *     <li>News held back by the interval is not queued: the next message after the interval carries the state as it
 *     then is, compared again with what customers were last told.</li>
 * </ul>
 */
public record CustomerNotificationThrottle(Duration etrThreshold, Duration minInterval) {

    /** What customers were last told, and when. */
    public record Told(OutageStatus status, Instant estimatedRestorationAt, Instant at) {
    }

    /** Whether customers are to be told about {@code status} and {@code etr} now; {@code last} is null before any message. */
    public boolean isDue(Told last, OutageStatus status, Instant etr, Instant now) {
        if (last == null) {
            return true;
        }
        boolean statusChanged = status != last.status();
        if (statusChanged && status == OutageStatus.RESTORED) {
            return true;
        }
        if (!statusChanged && !etrMoved(last.estimatedRestorationAt(), etr)) {
            return false;
        }
        return !now.isBefore(last.at().plus(minInterval));
    }

    private boolean etrMoved(Instant told, Instant now) {
        if (Objects.equals(told, now)) {
            return false;
        }
        if (told == null || now == null) {
            return true;
        }
        return Duration.between(told, now).abs().compareTo(etrThreshold) >= 0;
    }
}
