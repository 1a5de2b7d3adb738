package com.lineguard.command.outage;

import com.lineguard.command.outage.CustomerNotificationThrottle.Told;
import com.lineguard.command.support.DecisionClock;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.CrewNotificationKind;
import com.lineguard.contracts.outage.EtrSource;
import com.lineguard.contracts.outage.OutageCommands.AddWorkNote;
import com.lineguard.contracts.outage.OutageCommands.AssignOutage;
import com.lineguard.contracts.outage.OutageCommands.ChangeOutageStatus;
import com.lineguard.contracts.outage.OutageCommands.CloseOutage;
import com.lineguard.contracts.outage.OutageCommands.ReportOutage;
import com.lineguard.contracts.outage.OutageCommands.SetEtr;
import com.lineguard.contracts.outage.OutageEvents.CrewNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.CustomerNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.EtrEstimated;
import com.lineguard.contracts.outage.OutageEvents.EtrExpired;
import com.lineguard.contracts.outage.OutageEvents.OutageAssigned;
import com.lineguard.contracts.outage.OutageEvents.OutageReported;
import com.lineguard.contracts.outage.OutageEvents.OutageStatusChanged;
import com.lineguard.contracts.outage.OutageEvents.WorkNoteAdded;
import com.lineguard.contracts.outage.OutageStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An outage: a fault on a device of the grid, from the first report until dispatch closes it. It decides every
 * change, and records who is to be told about it (crews, dispatch, customers) as events of its own.
 * <p>
 * As with alerts, ETR deadlines are never cancelled: the handler compares the ETR it was scheduled for with the
 * current one, so a newer estimate makes the older deadline stale.
 */
// Every aggregate shares one event store: an id of another kind must read as "not found" (see AggregateTypeFilter).
@Aggregate(filterEventsByType = true)
public class Outage {

    /** Actor of what the legacy back office reports through the bridge. */
    public static final String LEGACY_ACTOR = "lineguard:legacy";
    static final String ETR_WATCH_ACTOR = "lineguard:etr-watch";
    /**
     * An estimate further ahead is a typo, not an estimate; and from year 294277 on it is beyond what PostgreSQL can
     * store for its deadline, which failed the whole call with a 500.
     */
    static final Duration LONGEST_ETR = Duration.ofDays(366);

    /** The steps an assigned crew may report; anything else from a crew is an invalid transition. */
    private static final Map<OutageStatus, OutageStatus> NEXT_CREW_STEP = Map.of(
            OutageStatus.ASSIGNED, OutageStatus.EN_ROUTE,
            OutageStatus.EN_ROUTE, OutageStatus.ON_SITE,
            OutageStatus.ON_SITE, OutageStatus.RESTORED);

    @AggregateIdentifier
    private UUID outageId;
    private OutageStatus status;
    private String assignedCrewId;
    private Instant etr;
    private EtrSource etrSource;
    private boolean etrExpired;
    private Told customersLastTold;

    protected Outage() {
        // for Axon's event sourcing
    }

    static Outage report(ReportOutage command) {
        requireValidReport(command);
        Instant now = DecisionClock.now();
        List<String> skills = command.requiredSkills() == null ? List.of() : List.copyOf(command.requiredSkills());
        Outage outage = new Outage();
        apply(new OutageReported(command.outageId(), command.deviceId(), command.location(),
                command.customersAffected(), command.cause(), skills, command.externalRef(), now));
        // Customers in the area learn of a new outage at once: the first message is never throttled.
        apply(new CustomerNotificationDue(command.outageId(), OutageStatus.REPORTED, null, now));
        return outage;
    }

    /** A dispatcher may re-assign until power is back; the new crew starts again from ASSIGNED. */
    @CommandHandler
    void handle(AssignOutage command, CustomerNotificationThrottle throttle) {
        requireNotClosed();
        if (status == OutageStatus.RESTORED) {
            throw new Rejected(ErrorCode.INVALID_TRANSITION, "Power is back; a restored outage is not re-assigned.");
        }
        if (command.crewId().equals(assignedCrewId)) {
            return;
        }
        Instant now = DecisionClock.now();
        apply(new OutageAssigned(outageId, command.crewId(), assignedCrewId, now));
        apply(new CrewNotificationDue(outageId, command.crewId(), CrewNotificationKind.ASSIGNMENT, now));
        tellCustomersIfDue(throttle, now);
    }

    @CommandHandler
    void handle(ChangeOutageStatus command, CustomerNotificationThrottle throttle) {
        requireAssigned(command.actor());
        if (NEXT_CREW_STEP.get(status) != command.status()) {
            throw new Rejected(ErrorCode.INVALID_TRANSITION,
                    "An outage that is " + status + " cannot become " + command.status() + ".");
        }
        Instant now = DecisionClock.now();
        apply(new OutageStatusChanged(outageId, command.status(), command.actor(), now));
        tellCustomersIfDue(throttle, now);
    }

    /** The legacy back office may see the supply return at any time; hearing it again changes nothing. */
    void reportRestoredByLegacy(CustomerNotificationThrottle throttle) {
        if (!status.isBeforeRestoration()) {
            return;
        }
        Instant now = DecisionClock.now();
        apply(new OutageStatusChanged(outageId, OutageStatus.RESTORED, LEGACY_ACTOR, now));
        tellCustomersIfDue(throttle, now);
    }

    @CommandHandler
    void handle(SetEtr command, CustomerNotificationThrottle throttle, DeadlineManager deadlines) {
        if (command.source() == EtrSource.CREW) {
            requireAssigned(command.actor());
        }
        estimate(command.estimatedRestorationAt(), command.source(), command.confidence(), command.reason(),
                command.actor(), throttle, deadlines);
    }

    void predictEtr(Instant estimatedRestorationAt, String reason, Double confidence,
                    CustomerNotificationThrottle throttle, DeadlineManager deadlines) {
        estimate(estimatedRestorationAt, EtrSource.PREDICTED, confidence, reason, LEGACY_ACTOR, throttle, deadlines);
    }

    /**
     * Every estimate is recorded; a prediction does not replace an estimate made by a person on the job, who knows
     * more than the model does, so it is kept in the history without being shown.
     */
    private void estimate(Instant estimatedRestorationAt, EtrSource source, Double confidence, String reason,
                          String estimatedBy, CustomerNotificationThrottle throttle, DeadlineManager deadlines) {
        if (!status.isBeforeRestoration()) {
            throw new Rejected(ErrorCode.OUTAGE_CLOSED, "Power is back on this outage; it needs no estimate.");
        }
        Instant now = DecisionClock.now();
        if (estimatedRestorationAt == null || !estimatedRestorationAt.isAfter(now)) {
            throw Rejected.invalid("estimatedRestorationAt", "estimatedRestorationAt must be in the future.");
        }
        if (estimatedRestorationAt.isAfter(now.plus(LONGEST_ETR))) {
            throw Rejected.invalid("estimatedRestorationAt",
                    "estimatedRestorationAt must lie within " + LONGEST_ETR.toDays() + " days.");
        }
        if (confidence != null && (confidence < 0 || confidence > 1)) {
            throw Rejected.invalid("confidence", "confidence must lie between 0 and 1.");
        }
        boolean shown = source.isHuman() || etrSource == null || !etrSource.isHuman();
        apply(new EtrEstimated(outageId, estimatedRestorationAt, source, confidence, reason, estimatedBy, shown, now));
        if (!shown) {
            return;
        }
        deadlines.schedule(estimatedRestorationAt, EtrDue.DEADLINE, new EtrDue(estimatedRestorationAt));
        if (assignedCrewId != null && !assignedCrewId.equals(estimatedBy)) {
            apply(new CrewNotificationDue(outageId, assignedCrewId, CrewNotificationKind.ETR_CHANGED, now));
        }
        tellCustomersIfDue(throttle, now);
    }

    @CommandHandler
    void handle(AddWorkNote command) {
        if (!command.byDispatch()) {
            requireAssigned(command.author());
        }
        requireNotClosed();
        apply(new WorkNoteAdded(outageId, command.author(), command.text(), DecisionClock.now()));
    }

    @CommandHandler
    void handle(CloseOutage command, CustomerNotificationThrottle throttle) {
        requireNotClosed();
        if (status != OutageStatus.RESTORED) {
            throw new Rejected(ErrorCode.NOT_RESTORED, "Only an outage with power back can be closed; it is "
                    + status + ".");
        }
        Instant now = DecisionClock.now();
        apply(new OutageStatusChanged(outageId, OutageStatus.CLOSED, command.actor(), now));
        tellCustomersIfDue(throttle, now);
    }

    /** The ETR passed. An estimate or a restoration that got here first has already decided. */
    @DeadlineHandler(deadlineName = EtrDue.DEADLINE)
    void on(EtrDue due) {
        if (!status.isBeforeRestoration() || etrExpired || !due.estimatedRestorationAt().equals(etr)) {
            return;
        }
        apply(new EtrExpired(outageId, etr, assignedCrewId, DecisionClock.now()),
                MetaData.with("actor", ETR_WATCH_ACTOR));
    }

    private void tellCustomersIfDue(CustomerNotificationThrottle throttle, Instant now) {
        if (throttle.isDue(customersLastTold, status, etr, now)) {
            apply(new CustomerNotificationDue(outageId, status, etr, now));
        }
    }

    private void requireAssigned(String actor) {
        if (!actor.equals(assignedCrewId)) {
            throw new Rejected(ErrorCode.NOT_ASSIGNED, "Only the crew assigned to this outage may do this.");
        }
    }

    private void requireNotClosed() {
        if (status == OutageStatus.CLOSED) {
            throw new Rejected(ErrorCode.OUTAGE_CLOSED, "This outage is closed.");
        }
    }

    private static void requireValidReport(ReportOutage command) {
        if (command.deviceId() == null || command.deviceId().isBlank()) {
            throw Rejected.invalid("deviceId", "deviceId is required.");
        }
        GeoLocation location = command.location();
        if (location == null || location.lat() == null || location.lon() == null
                || Math.abs(location.lat()) > 90 || Math.abs(location.lon()) > 180) {
            throw Rejected.invalid("location", "location needs lat -90..90 and lon -180..180.");
        }
        if (command.customersAffected() < 0) {
            throw Rejected.invalid("customersAffected", "customersAffected must be 0 or more.");
        }
    }

    @EventSourcingHandler
    void on(OutageReported event) {
        outageId = event.outageId();
        status = OutageStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(OutageAssigned event) {
        status = OutageStatus.ASSIGNED;
        assignedCrewId = event.crewId();
    }

    @EventSourcingHandler
    void on(OutageStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(EtrEstimated event) {
        if (event.shown()) {
            etr = event.estimatedRestorationAt();
            etrSource = event.source();
            etrExpired = false;
        }
    }

    @EventSourcingHandler
    void on(EtrExpired event) {
        etrExpired = true;
    }

    @EventSourcingHandler
    void on(CustomerNotificationDue event) {
        customersLastTold = new Told(event.status(), event.estimatedRestorationAt(), event.at());
    }
}
