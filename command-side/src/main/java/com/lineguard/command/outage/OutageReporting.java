package com.lineguard.command.outage;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.outage.OutageCommands.PredictEtr;
import com.lineguard.contracts.outage.OutageCommands.ReportOutage;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageFromLegacy;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageRestored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Opens outages, and applies what the legacy back office sends. Both need to look across outages (one outage per
 * {@code externalRef}; legacy names an outage by its reference), so they live outside one.
 */
@Component
public class OutageReporting {

    private final Repository<Outage> outages;
    private final OutageReferences references;
    private final CustomerNotificationThrottle throttle;

    public OutageReporting(Repository<Outage> outages, OutageReferences references,
                           CustomerNotificationThrottle throttle) {
        this.outages = outages;
        this.references = references;
        this.throttle = throttle;
    }

    /** Answers with the outage's id: a new one, or the one already holding the {@code externalRef}. */
    @CommandHandler
    UUID handle(ReportOutage command) throws Exception {
        if (command.externalRef() != null) {
            UUID holder = references.claim(command.externalRef(), command.outageId());
            if (!holder.equals(command.outageId())) {
                return holder;
            }
        }
        outages.newInstance(() -> Outage.report(command));
        return command.outageId();
    }

    @CommandHandler
    UUID handle(ReportOutageFromLegacy command) throws Exception {
        if (command.externalRef() == null || command.externalRef().isBlank()) {
            throw Rejected.invalid("externalRef", "externalRef is required.");
        }
        return handle(new ReportOutage(UUID.randomUUID(), command.deviceId(), command.location(),
                command.customersAffected(), command.cause(), command.requiredSkills(), command.externalRef()));
    }

    @CommandHandler
    void handle(PredictEtr command, DeadlineManager deadlines) {
        outage(command.outageId(), command.externalRef()).execute(outage -> outage.predictEtr(
                command.estimatedRestorationAt(), command.reason(), command.confidence(), throttle, deadlines));
    }

    @CommandHandler
    void handle(ReportOutageRestored command) {
        outage(command.outageId(), command.externalRef()).execute(outage -> outage.reportRestoredByLegacy(throttle));
    }

    private Aggregate<Outage> outage(UUID outageId, String externalRef) {
        UUID id = outageId != null ? outageId : references.find(externalRef == null ? "" : externalRef)
                .orElseThrow(() -> notFound(externalRef));
        try {
            return outages.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw notFound(id);
        }
    }

    private static Rejected notFound(Object reference) {
        return new Rejected(ErrorCode.OUTAGE_NOT_FOUND, "No outage " + reference + ".");
    }
}
