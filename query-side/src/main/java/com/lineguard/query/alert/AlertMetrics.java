package com.lineguard.query.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertStatus;
import com.lineguard.contracts.alert.AlertView;
import com.lineguard.contracts.alert.EscalationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * What a safety board measures an alarm service by (issue 7): how late timers escalate, how long until somebody
 * acknowledges, alerts by type and outcome, and how many timers are counting down now. Fed by the alert projection
 * as it applies live events (never during a replay, which would count the past again).
 */
@Component
class AlertMetrics {

    private final MeterRegistry meters;
    private final Timer lateness;
    private final Timer timeToAcknowledge;

    AlertMetrics(MeterRegistry meters, AlertBoard board) {
        this.meters = meters;
        this.lateness = Timer.builder("lineguard.escalation.lateness")
                .description("Due time of a safety timer to its escalation")
                .publishPercentiles(0.5, 0.9, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.timeToAcknowledge = Timer.builder("lineguard.alert.time-to-acknowledge")
                .description("Escalation to acknowledgement")
                .publishPercentiles(0.5, 0.9, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("lineguard.timers.armed", board, b -> b.countWithStatus(AlertStatus.ARMED))
                .description("Safety timers counting down now")
                .register(meters);
    }

    void applied(AlertView before, Object event) {
        if (event instanceof AlertEscalated escalated && escalated.reason() == EscalationReason.TIMER_EXPIRED
                && before != null && before.dueAt() != null) {
            lateness.record(Duration.between(before.dueAt(), escalated.at()));
        }
        if (event instanceof AlertAcknowledged acknowledged && before != null && before.escalatedAt() != null) {
            timeToAcknowledge.record(Duration.between(before.escalatedAt(), acknowledged.at()));
        }
        if (event instanceof AlertResolved resolved && before != null) {
            Counter.builder("lineguard.alerts.resolved")
                    .description("Resolved alerts by type and outcome (false alarm or verified)")
                    .tag("type", before.type().name())
                    .tag("outcome", resolved.outcome().name())
                    .register(meters)
                    .increment();
        }
    }
}
