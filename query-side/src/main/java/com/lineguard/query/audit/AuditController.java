package com.lineguard.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertView;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.outage.OutageView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Who knew what, when?" (issue 7), for auditors and admins: the board as of any instant, rebuilt from the events
 * alone; the hash-chain verification; and an export of the stored record as JSON Lines.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
class AuditController {

    /**
     * What dispatch had in front of it at {@code asOf}: the active alerts and the open outages, each outage with the
     * ETR customers were shown then.
     */
    record Board(Instant asOf, List<AlertView> alerts, List<OutageView> outages) {
    }

    private final EventLog eventLog;
    private final ChainVerifier verifier;
    private final AlarmReport alarmReport;
    private final ObjectMapper json;

    AuditController(EventLog eventLog, ChainVerifier verifier, AlarmReport alarmReport, ObjectMapper json) {
        this.eventLog = eventLog;
        this.verifier = verifier;
        this.alarmReport = alarmReport;
        this.json = json;
    }

    @GetMapping("/board")
    Board board(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Map<UUID, AlertView> alerts = new HashMap<>();
        Map<UUID, OutageView> outages = new HashMap<>();
        eventLog.forEach(entry -> {
            if (entry.at().isAfter(asOf)) {
                return;
            }
            if (entry.payload() instanceof AlertEvent event) {
                alerts.put(event.alertId(), AlertView.evolve(alerts.get(event.alertId()), event));
            } else if (entry.payload() instanceof OutageEvent event) {
                outages.put(event.outageId(), OutageView.evolve(outages.get(event.outageId()), event));
            }
        });
        return new Board(asOf,
                alerts.values().stream()
                        .filter(view -> view.status().isActive())
                        .sorted(Comparator.comparing(AlertView::createdAt))
                        .toList(),
                outages.values().stream()
                        .filter(view -> view.status() != OutageStatus.CLOSED)
                        .sorted(Comparator.comparing(OutageView::createdAt))
                        .toList());
    }

    /** Alarm-handling figures (BS 8484) for alarms that escalated in {@code [from, to)}. */
    @GetMapping("/alarm-report")
    AlarmReport.Report alarmReport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!to.isAfter(from)) {
            throw Rejected.invalid("to", "to must lie after from.");
        }
        return alarmReport.between(from, to);
    }

    @GetMapping("/verify")
    ChainVerifier.Report verify() {
        return verifier.verify();
    }

    /** JSON Lines, one stored event a line, oldest first. */
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(required = false) String aggregate,
                HttpServletResponse response) throws IOException {
        if (from != null && to != null && to.isBefore(from)) {
            throw Rejected.invalid("to", "to must not lie before from.");
        }
        response.setContentType("application/x-ndjson");
        OutputStream out = response.getOutputStream();
        eventLog.forEach(entry -> {
            StoredEvent stored = entry.stored();
            if ((from != null && entry.at().isBefore(from)) || (to != null && entry.at().isAfter(to))
                    || (aggregate != null && !aggregate.equals(stored.aggregateId()))) {
                return;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("globalIndex", stored.globalIndex());
            line.put("eventId", stored.eventId());
            line.put("aggregateId", stored.aggregateId());
            line.put("sequence", stored.sequence());
            line.put("type", stored.payloadType());
            line.put("at", entry.at());
            line.put("metadata", readJson(stored.metadata()));
            line.put("data", readJson(stored.payload()));
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private Object readJson(byte[] bytes) {
        try {
            return bytes == null ? null : json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
