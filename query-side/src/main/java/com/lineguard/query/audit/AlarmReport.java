package com.lineguard.query.audit;

import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertType;
import com.lineguard.contracts.alert.ResolutionOutcome;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alarm-handling figures an alarm receiving centre is judged by (BS 8484): alarms by type and outcome, time to
 * acknowledge, and the share acknowledged within 10 s and 40 s (targets 80 % and 98.5 %), for the alarms that
 * escalated between two instants, computed from the events alone.
 */
@Component
class AlarmReport {

    static final Duration FIRST_TARGET = Duration.ofSeconds(10);
    static final Duration SECOND_TARGET = Duration.ofSeconds(40);
    static final double FIRST_TARGET_SHARE = 80.0;
    static final double SECOND_TARGET_SHARE = 98.5;

    record Report(Instant from, Instant to, int alarms, Map<AlertType, Integer> byType, Map<String, Integer> byOutcome,
                  int falseAlarms, int verifiedAlarms, TimeToAcknowledge timeToAcknowledge,
                  Share acknowledgedWithin10s, Share acknowledgedWithin40s) {
    }

    record TimeToAcknowledge(int acknowledged, Double p50Seconds, Double p90Seconds, Double p99Seconds) {
    }

    /** Share of all alarms in the period, against the code of practice's target. */
    record Share(double percent, double targetPercent, boolean met) {
    }

    private static final class Alarm {
        AlertType type;
        Instant escalatedAt;
        Instant acknowledgedAt;
        ResolutionOutcome outcome;
    }

    private final EventLog eventLog;

    AlarmReport(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    Report between(Instant from, Instant to) {
        Map<UUID, Alarm> alarms = new HashMap<>();
        eventLog.forEach(entry -> {
            if (entry.payload() instanceof EmergencyRaised e) {
                escalated(alarms, e.alertId(), AlertType.EMERGENCY, e.at());
            } else if (entry.payload() instanceof AlertEscalated e) {
                escalated(alarms, e.alertId(), AlertType.TIMER, e.at());
            } else if (entry.payload() instanceof AlertAcknowledged e && alarms.containsKey(e.alertId())
                    && alarms.get(e.alertId()).acknowledgedAt == null) {
                alarms.get(e.alertId()).acknowledgedAt = e.at();
            } else if (entry.payload() instanceof AlertResolved e && alarms.containsKey(e.alertId())) {
                alarms.get(e.alertId()).outcome = e.outcome();
            }
        });
        List<Alarm> inPeriod = alarms.values().stream()
                .filter(a -> !a.escalatedAt.isBefore(from) && a.escalatedAt.isBefore(to))
                .toList();

        Map<AlertType, Integer> byType = new EnumMap<>(AlertType.class);
        Map<String, Integer> byOutcome = new HashMap<>();
        List<Long> ackMillis = new ArrayList<>();
        int within10 = 0;
        int within40 = 0;
        for (Alarm alarm : inPeriod) {
            byType.merge(alarm.type, 1, Integer::sum);
            byOutcome.merge(alarm.outcome == null ? "UNRESOLVED" : alarm.outcome.name(), 1, Integer::sum);
            if (alarm.acknowledgedAt != null) {
                Duration took = Duration.between(alarm.escalatedAt, alarm.acknowledgedAt);
                ackMillis.add(took.toMillis());
                within10 += took.compareTo(FIRST_TARGET) <= 0 ? 1 : 0;
                within40 += took.compareTo(SECOND_TARGET) <= 0 ? 1 : 0;
            }
        }
        ackMillis.sort(null);
        return new Report(from, to, inPeriod.size(), byType, byOutcome,
                byOutcome.getOrDefault(ResolutionOutcome.FALSE_ALARM.name(), 0),
                byOutcome.getOrDefault(ResolutionOutcome.ASSISTED.name(), 0),
                new TimeToAcknowledge(ackMillis.size(), percentile(ackMillis, 0.50), percentile(ackMillis, 0.90),
                        percentile(ackMillis, 0.99)),
                share(within10, inPeriod.size(), FIRST_TARGET_SHARE),
                share(within40, inPeriod.size(), SECOND_TARGET_SHARE));
    }

    private static void escalated(Map<UUID, Alarm> alarms, UUID alertId, AlertType type, Instant at) {
        Alarm alarm = alarms.computeIfAbsent(alertId, id -> new Alarm());
        if (alarm.escalatedAt == null) {
            alarm.type = type;
            alarm.escalatedAt = at;
        }
    }

    private static Double percentile(List<Long> sortedMillis, double p) {
        if (sortedMillis.isEmpty()) {
            return null;
        }
        int index = (int) Math.min(sortedMillis.size() - 1, Math.ceil(p * sortedMillis.size()) - 1);
        return sortedMillis.get(Math.max(0, index)) / 1000.0;
    }

    private static Share share(int count, int total, double target) {
        double percent = total == 0 ? 100.0 : 100.0 * count / total;
        return new Share(percent, target, percent >= target);
    }
}
