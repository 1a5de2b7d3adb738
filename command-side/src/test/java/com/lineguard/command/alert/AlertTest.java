package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertCommands.EscalateOverdueTimer;
import com.lineguard.contracts.alert.AlertCommands.MarkAlertOverdue;
import com.lineguard.contracts.alert.AlertCommands.NotifyNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StandDownNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StartEscalationPolicy;
import com.lineguard.contracts.alert.AlertEvents.AlertOverdue;
import com.lineguard.contracts.alert.AlertEvents.EscalationPolicyStarted;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsNotified;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsStoodDown;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExpiring;
import com.lineguard.contracts.alert.OverdueReason;
import com.lineguard.command.crew.LastKnownLocations;
import com.lineguard.command.crew.LocationFix;
import com.lineguard.contracts.alert.AlertCommands.AcknowledgeAlert;
import com.lineguard.contracts.alert.AlertCommands.ArmSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.CancelSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.ExtendSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.RaiseEmergency;
import com.lineguard.contracts.alert.AlertCommands.ReportAlertLocation;
import com.lineguard.contracts.alert.AlertCommands.ResolveAlert;
import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import com.lineguard.contracts.alert.EscalationReason;
import com.lineguard.contracts.alert.ResolutionOutcome;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.security.FreshSignInPolicy;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the {@link Alert} aggregate, given earlier events (or commands), when a command or the passing of
 * time, then the events it decides or the {@link Rejected} code it answers with.
 */
class AlertTest {

    private static final Instant T0 = Instant.parse("2025-06-02T07:30:00Z");
    private static final UUID ALERT_ID = UUID.fromString("6a1f3c2e-0000-4000-8000-000000000001");
    private static final UUID OTHER_ALERT_ID = UUID.fromString("6a1f3c2e-0000-4000-8000-000000000002");

    private static final String OWNER = "crew-ana";
    private static final String OTHER_CREW = "crew-ben";
    private static final String DISPATCHER = "dispatch-dora";

    private static final GeoLocation SHED = new GeoLocation(52.1, 4.3, 12.0);
    private static final GeoLocation POLE = new GeoLocation(52.2, 4.4, 8.0);
    private static final GeoLocation VAN = new GeoLocation(52.3, 4.5, 20.0);
    private static final String NOTE = "shed at end of lane";

    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    private static final Instant DUE = T0.plus(THIRTY_MINUTES);

    /** Signed in a minute ago: fresh under a five-minute max age. */
    private static final Instant FRESH = T0.minus(Duration.ofMinutes(1));
    /** Signed in six minutes ago: too old to change a timer. */
    private static final Instant STALE = T0.minus(Duration.ofMinutes(6));

    /** Warnings off, so that the deadline tests see the due time alone; {@link WarningTheOwner} turns them on. */
    private static final TimerPolicy POLICY = new TimerPolicy(Duration.ofMinutes(1), Duration.ofHours(12),
            Duration.ZERO, new FreshSignInPolicy(Duration.ofMinutes(5)));

    private AggregateTestFixture<Alert> fixture;
    /** In-memory fake of the "one armed timer per crew member" port. */
    private final Set<String> claimedTimers = new HashSet<>();
    /** In-memory fake of the crew members' own location reports. */
    private final Map<String, LocationFix> crewReports = new HashMap<>();
    private Clock previousEventClock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(
                (LastKnownLocations) crewMemberId -> Optional.ofNullable(crewReports.get(crewMemberId)));
        TimerClaims claims = (crewMemberId, alertId) -> claimedTimers.add(crewMemberId);
        fixture.registerAnnotatedCommandHandler(new AlertCreation(fixture.getRepository(), claims, POLICY));
        fixture.givenCurrentTime(T0);

        // The fixture fixes the event clock while it handles a command but not while a deadline fires;
        // make Alert.now() follow the fixture's simulated time in both cases.
        previousEventClock = GenericEventMessage.clock;
        GenericEventMessage.clock = new FixtureClock(fixture);
    }

    @AfterEach
    void restoreEventClock() {
        GenericEventMessage.clock = previousEventClock;
    }

    @Nested
    class RaisingAnEmergency {

        @Test
        void escalates_at_once_and_schedules_nothing() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEmergency(ALERT_ID, OWNER, SHED, "fell from pole"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EmergencyRaised(ALERT_ID, OWNER, SHED, "fell from pole", T0))
                    .expectNoScheduledDeadlines();
            assertThat(claimedTimers).as("an emergency takes no timer claim").isEmpty();
        }
    }

    @Nested
    class ArmingATimer {

        @Test
        void arms_it_due_after_the_duration_and_schedules_the_deadline_then() {
            fixture.givenNoPriorActivity()
                    .when(arm(THIRTY_MINUTES))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(armed(DUE))
                    .expectScheduledDeadline(DUE, new TimerDue(DUE))
                    .expectScheduledDeadlineWithName(DUE, TimerDue.DEADLINE);
            assertThat(claimedTimers).containsExactly(OWNER);
        }

        @Test
        void accepts_exactly_the_minimum_duration() {
            fixture.givenNoPriorActivity()
                    .when(arm(Duration.ofMinutes(1)))
                    .expectEvents(armed(T0.plus(Duration.ofMinutes(1))))
                    .expectScheduledDeadline(T0.plus(Duration.ofMinutes(1)),
                            new TimerDue(T0.plus(Duration.ofMinutes(1))));
        }

        @Test
        void accepts_exactly_the_maximum_duration() {
            fixture.givenNoPriorActivity()
                    .when(arm(Duration.ofHours(12)))
                    .expectEvents(armed(T0.plus(Duration.ofHours(12))));
        }

        @Test
        void rejects_a_duration_below_the_minimum_without_taking_a_claim() {
            fixture.givenNoPriorActivity()
                    .when(arm(Duration.ofSeconds(59)))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
            assertThat(claimedTimers).isEmpty();
        }

        @Test
        void rejects_a_duration_above_the_maximum() {
            fixture.givenNoPriorActivity()
                    .when(arm(Duration.ofHours(12).plusSeconds(1)))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void rejects_a_second_timer_while_the_crew_member_has_one_armed() {
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .when(new ArmSafetyTimer(OTHER_ALERT_ID, OWNER, THIRTY_MINUTES, SHED, NOTE))
                    .expectException(rejectedWith(ErrorCode.TIMER_ALREADY_ARMED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ExtendingATimer {

        @Test
        void the_owner_freshly_signed_in_moves_the_due_time_and_schedules_a_new_deadline() {
            Instant later = DUE.plus(Duration.ofMinutes(15));
            fixture.given(armed(DUE))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SafetyTimerExtended(ALERT_ID, later, T0))
                    .expectScheduledDeadline(later, new TimerDue(later));
        }

        @Test
        void may_run_exactly_the_maximum_duration_from_now() {
            Instant elevenHours = T0.plus(Duration.ofHours(11));
            fixture.given(armed(elevenHours))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofHours(1)))
                    .expectEvents(new SafetyTimerExtended(ALERT_ID, T0.plus(Duration.ofHours(12)), T0));
        }

        @Test
        void may_not_run_past_the_maximum_duration_from_now() {
            Instant elevenHours = T0.plus(Duration.ofHours(11));
            fixture.given(armed(elevenHours))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofHours(1).plusSeconds(1)))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void another_crew_member_is_not_the_owner() {
            fixture.given(armed(DUE))
                    .when(new ExtendSafetyTimer(ALERT_ID, OTHER_CREW, FRESH, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.NOT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void a_dispatcher_is_not_the_owner() {
            fixture.given(armed(DUE))
                    .when(new ExtendSafetyTimer(ALERT_ID, DISPATCHER, FRESH, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.NOT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void the_owner_with_a_stale_sign_in_must_sign_in_again() {
            fixture.given(armed(DUE))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, STALE, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.REAUTH_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_timer_is_not_armed() {
            fixture.given(armed(DUE), new SafetyTimerCancelled(ALERT_ID, T0))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void an_escalated_timer_is_not_armed() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void a_duress_cancelled_timer_answers_like_a_cancelled_one() {
            fixture.given(armed(DUE), duressEscalation(SHED))
                    .when(new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }
    }

    @Nested
    class CancellingATimer {

        @Test
        void the_owner_freshly_signed_in_cancels_it() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SafetyTimerCancelled(ALERT_ID, T0));
        }

        @Test
        void a_sign_in_exactly_the_max_age_old_is_still_fresh() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, T0.minus(Duration.ofMinutes(5)), false))
                    .expectEvents(new SafetyTimerCancelled(ALERT_ID, T0));
        }

        @Test
        void another_crew_member_is_not_the_owner() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OTHER_CREW, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void a_dispatcher_is_not_the_owner() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, DISPATCHER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void the_owner_with_a_stale_sign_in_must_sign_in_again() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, STALE, false))
                    .expectException(rejectedWith(ErrorCode.REAUTH_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void the_owner_without_a_known_sign_in_time_must_sign_in_again() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, null, false))
                    .expectException(rejectedWith(ErrorCode.REAUTH_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void a_timer_that_has_escalated_is_already_escalated() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.ALREADY_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_timer_that_escalated_stays_already_escalated_after_dispatch_acknowledged_it() {
            fixture.given(armed(DUE), expired(DUE, SHED), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.ALREADY_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_timer_is_not_armed() {
            fixture.given(armed(DUE), new SafetyTimerCancelled(ALERT_ID, T0))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void an_emergency_is_not_an_armed_timer() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void under_duress_escalates_silently_with_reason_duress() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AlertEscalated(ALERT_ID, OWNER, EscalationReason.DURESS, SHED, true, T0));
        }

        @Test
        void under_duress_still_needs_the_owner_freshly_signed_in() {
            fixture.given(armed(DUE))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, STALE, true))
                    .expectException(rejectedWith(ErrorCode.REAUTH_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void after_a_duress_cancel_a_second_cancel_answers_like_after_a_normal_cancel() {
            fixture.given(armed(DUE), duressEscalation(SHED))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void after_a_duress_cancel_a_second_duress_cancel_answers_not_armed_too() {
            fixture.given(armed(DUE), duressEscalation(SHED))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, true))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }

        @Test
        void after_a_duress_cancel_that_dispatch_acknowledged_a_cancel_still_answers_not_armed() {
            fixture.given(armed(DUE), duressEscalation(SHED), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, T0))
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .expectException(rejectedWith(ErrorCode.NOT_ARMED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReportingTheAlertsLocation {

        @Test
        void the_owner_reports_where_they_are() {
            fixture.given(armed(DUE))
                    .when(new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .expectEvents(new AlertLocationReported(ALERT_ID, POLE, T0));
        }

        @Test
        void the_owner_reports_on_an_escalated_emergency() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0))
                    .when(new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .expectEvents(new AlertLocationReported(ALERT_ID, POLE, T0));
        }

        @Test
        void another_crew_member_is_not_the_owner() {
            fixture.given(armed(DUE))
                    .when(new ReportAlertLocation(ALERT_ID, OTHER_CREW, POLE))
                    .expectException(rejectedWith(ErrorCode.NOT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_alert_is_closed() {
            fixture.given(armed(DUE), new SafetyTimerCancelled(ALERT_ID, T0))
                    .when(new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .expectException(rejectedWith(ErrorCode.ALERT_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void a_resolved_alert_is_closed() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0),
                            new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null, T0))
                    .when(new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .expectException(rejectedWith(ErrorCode.ALERT_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void a_duress_cancelled_alert_answers_like_a_cancelled_one() {
            fixture.given(armed(DUE), duressEscalation(SHED))
                    .when(new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .expectException(rejectedWith(ErrorCode.ALERT_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class WhenTheDueTimePasses {

        @Test
        void an_uncancelled_timer_escalates_with_timer_expired_at_its_due_time() {
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectTriggeredDeadlines(new TimerDue(DUE))
                    .expectEvents(expired(DUE, SHED));
        }

        @Test
        void the_escalation_is_recorded_as_done_by_the_safety_timer() {
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(events -> events.size() == 1
                            && Alert.TIMER_ACTOR.equals(events.get(0).getMetaData().get("actor"))));
        }

        @Test
        void nothing_happens_a_second_before_the_due_time() {
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_timer_does_not_escalate() {
            fixture.givenCommands(arm(THIRTY_MINUTES), new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectTriggeredDeadlines(new TimerDue(DUE))
                    .expectNoEvents();
        }

        @Test
        void a_duress_cancelled_timer_does_not_escalate_a_second_time() {
            fixture.givenCommands(arm(THIRTY_MINUTES), new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, true))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectNoEvents();
        }

        @Test
        void an_extended_timer_does_not_escalate_at_its_old_due_time() {
            fixture.givenCommands(arm(THIRTY_MINUTES),
                            new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .whenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlines(new TimerDue(DUE))
                    .expectNoEvents();
        }

        @Test
        void an_extended_timer_escalates_once_at_its_new_due_time() {
            Instant later = DUE.plus(Duration.ofMinutes(15));
            fixture.givenCommands(arm(THIRTY_MINUTES),
                            new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .whenTimeAdvancesTo(later)
                    .expectTriggeredDeadlines(new TimerDue(DUE), new TimerDue(later))
                    .expectEvents(expired(later, SHED));
        }

        @Test
        void escalates_to_the_crew_members_own_report_when_it_is_newer_than_the_alerts() {
            crewReports.put(OWNER, new LocationFix(VAN, T0.plus(Duration.ofMinutes(5))));
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectEvents(expired(DUE, VAN));
        }

        @Test
        void escalates_to_the_alerts_location_when_the_crew_members_report_is_older() {
            crewReports.put(OWNER, new LocationFix(VAN, T0.minus(Duration.ofMinutes(5))));
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectEvents(expired(DUE, SHED));
        }

        @Test
        void escalates_to_a_location_reported_on_the_alert_when_it_is_the_newest() {
            crewReports.put(OWNER, new LocationFix(VAN, T0.minus(Duration.ofMinutes(5))));
            fixture.givenCommands(arm(THIRTY_MINUTES), new ReportAlertLocation(ALERT_ID, OWNER, POLE))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectEvents(expired(DUE, POLE));
        }

        @Test
        void ignores_a_crew_report_for_somebody_else() {
            crewReports.put(OTHER_CREW, new LocationFix(VAN, T0.plus(Duration.ofMinutes(5))));
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES)
                    .expectEvents(expired(DUE, SHED));
        }
    }

    @Nested
    class TheFreshestLocationUnderDuress {

        private final Instant armedAt = T0.minus(Duration.ofMinutes(20));
        private final SafetyTimerArmed armedEarlier =
                new SafetyTimerArmed(ALERT_ID, OWNER, SHED, NOTE, armedAt.plus(THIRTY_MINUTES), armedAt);
        private final AlertLocationReported poleReportedOnTheAlert =
                new AlertLocationReported(ALERT_ID, POLE, T0.minus(Duration.ofMinutes(5)));

        @Test
        void uses_the_location_reported_on_the_alert_when_it_is_newer_than_the_crew_report() {
            crewReports.put(OWNER, new LocationFix(VAN, T0.minus(Duration.ofMinutes(10))));
            fixture.given(armedEarlier, poleReportedOnTheAlert)
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, true))
                    .expectEvents(new AlertEscalated(ALERT_ID, OWNER, EscalationReason.DURESS, POLE, true, T0));
        }

        @Test
        void uses_the_crew_report_when_it_is_newer_than_the_alerts_location() {
            crewReports.put(OWNER, new LocationFix(VAN, T0.minus(Duration.ofMinutes(1))));
            fixture.given(armedEarlier, poleReportedOnTheAlert)
                    .when(new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, true))
                    .expectEvents(new AlertEscalated(ALERT_ID, OWNER, EscalationReason.DURESS, VAN, true, T0));
        }
    }

    @Nested
    class AcknowledgingAnAlert {

        @Test
        void an_escalated_timer_is_acknowledged_by_dispatch() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, "calling crew"))
                    .expectEvents(new AlertAcknowledged(ALERT_ID, DISPATCHER, "calling crew", T0));
        }

        @Test
        void an_emergency_is_escalated_from_the_start() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, null))
                    .expectEvents(new AlertAcknowledged(ALERT_ID, DISPATCHER, null, T0));
        }

        @Test
        void a_duress_escalation_is_acknowledged_by_dispatch() {
            fixture.given(armed(DUE), duressEscalation(SHED))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, null))
                    .expectEvents(new AlertAcknowledged(ALERT_ID, DISPATCHER, null, T0));
        }

        @Test
        void an_armed_timer_is_not_escalated() {
            fixture.given(armed(DUE))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_timer_is_not_escalated() {
            fixture.given(armed(DUE), new SafetyTimerCancelled(ALERT_ID, T0))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void an_acknowledged_alert_is_not_acknowledged_twice() {
            fixture.given(armed(DUE), expired(DUE, SHED), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE))
                    .when(new AcknowledgeAlert(ALERT_ID, "dispatch-eve", null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_resolved_alert_is_not_escalated() {
            fixture.given(armed(DUE), expired(DUE, SHED),
                            new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.FALSE_ALARM, null, DUE))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ResolvingAnAlert {

        @Test
        void an_escalated_alert_is_resolved() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .when(new ResolveAlert(ALERT_ID, DISPATCHER, ResolutionOutcome.FALSE_ALARM, "phone in van"))
                    .expectEvents(new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.FALSE_ALARM,
                            "phone in van", T0));
        }

        @Test
        void an_acknowledged_alert_is_resolved() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0),
                            new AlertAcknowledged(ALERT_ID, DISPATCHER, null, T0))
                    .when(new ResolveAlert(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null))
                    .expectEvents(new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null, T0));
        }

        @Test
        void an_armed_timer_is_not_escalated() {
            fixture.given(armed(DUE))
                    .when(new ResolveAlert(ALERT_ID, DISPATCHER, ResolutionOutcome.OTHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_timer_is_not_escalated() {
            fixture.given(armed(DUE), new SafetyTimerCancelled(ALERT_ID, T0))
                    .when(new ResolveAlert(ALERT_ID, DISPATCHER, ResolutionOutcome.OTHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }

        @Test
        void a_resolved_alert_is_not_resolved_twice() {
            fixture.given(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, T0),
                            new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null, T0))
                    .when(new ResolveAlert(ALERT_ID, DISPATCHER, ResolutionOutcome.OTHER, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ESCALATED))
                    .expectNoEvents();
        }
    }

    // --- vocabulary -------------------------------------------------------------------------------------------

    @Nested
    class WarningTheOwner {

        private final TimerPolicy warningAMinuteAhead = new TimerPolicy(Duration.ofMinutes(1), Duration.ofHours(12),
                Duration.ofMinutes(1), new FreshSignInPolicy(Duration.ofMinutes(5)));

        @BeforeEach
        void warningsOn() {
            fixture = new AggregateTestFixture<>(Alert.class);
            fixture.registerInjectableResource(warningAMinuteAhead);
            fixture.registerInjectableResource((LastKnownLocations) crewMemberId -> Optional.empty());
            fixture.registerAnnotatedCommandHandler(new AlertCreation(fixture.getRepository(),
                    (crewMemberId, alertId) -> true, warningAMinuteAhead));
            fixture.givenCurrentTime(T0);
            GenericEventMessage.clock = new FixtureClock(fixture);
        }

        @Test
        void the_owner_is_warned_a_minute_before_help_is_sent() {
            fixture.givenCommands(arm(THIRTY_MINUTES))
                    .whenTimeElapses(THIRTY_MINUTES.minusMinutes(1))
                    .expectEvents(new SafetyTimerExpiring(ALERT_ID, OWNER, DUE, DUE.minusSeconds(60)));
        }

        @Test
        void an_extension_moves_the_warning_too() {
            Instant later = DUE.plus(Duration.ofMinutes(15));
            fixture.givenCommands(arm(THIRTY_MINUTES),
                            new ExtendSafetyTimer(ALERT_ID, OWNER, FRESH, Duration.ofMinutes(15)))
                    .whenTimeAdvancesTo(later.minusSeconds(60))
                    .expectEvents(new SafetyTimerExpiring(ALERT_ID, OWNER, later, later.minusSeconds(60)));
        }

        @Test
        void a_cancelled_timer_warns_nobody() {
            fixture.givenCommands(arm(THIRTY_MINUTES), new CancelSafetyTimer(ALERT_ID, OWNER, FRESH, false))
                    .whenTimeElapses(THIRTY_MINUTES.minusMinutes(1))
                    .expectNoEvents();
        }
    }

    @Nested
    class TheWatchdog {

        @Test
        void escalates_an_armed_timer_past_its_due_time_as_the_watchdog() {
            fixture.given(armed(DUE))
                    .andGivenCurrentTime(DUE.plusSeconds(10))
                    .when(new EscalateOverdueTimer(ALERT_ID))
                    .expectEvents(new AlertEscalated(ALERT_ID, OWNER, EscalationReason.TIMER_EXPIRED, SHED, false,
                            DUE.plusSeconds(10)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void leaves_a_timer_that_is_not_yet_due_alone() {
            fixture.given(armed(DUE))
                    .andGivenCurrentTime(DUE.minusSeconds(1))
                    .when(new EscalateOverdueTimer(ALERT_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void does_nothing_once_the_timer_has_escalated() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .andGivenCurrentTime(DUE.plusSeconds(10))
                    .when(new EscalateOverdueTimer(ALERT_ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class TheEscalationPolicy {

        @Test
        void freezes_the_policy_onto_the_alert_once() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .andGivenCurrentTime(DUE)
                    .when(new StartEscalationPolicy(ALERT_ID, Duration.ofMinutes(2), 5, 40, Duration.ofMinutes(30)))
                    .expectEvents(new EscalationPolicyStarted(ALERT_ID, Duration.ofMinutes(2), 5, 40,
                            Duration.ofMinutes(30), DUE));
        }

        @Test
        void does_not_start_a_second_policy() {
            fixture.given(armed(DUE), expired(DUE, SHED), new EscalationPolicyStarted(ALERT_ID, Duration.ofMinutes(2),
                            5, 40, Duration.ofMinutes(30), DUE))
                    .when(new StartEscalationPolicy(ALERT_ID, Duration.ofMinutes(9), 9, 9, Duration.ofMinutes(9)))
                    .expectNoEvents();
        }

        @Test
        void records_who_was_told_but_never_tells_the_owner_about_their_own_alert() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .andGivenCurrentTime(DUE)
                    .when(new NotifyNearbyCrews(ALERT_ID, 1, 5, SHED, List.of(OTHER_CREW, OWNER)))
                    .expectEvents(new NearbyCrewsNotified(ALERT_ID, 1, 5, SHED, List.of(OTHER_CREW), DUE));
        }

        @Test
        void an_unacknowledged_alert_becomes_overdue() {
            fixture.given(armed(DUE), expired(DUE, SHED))
                    .andGivenCurrentTime(DUE.plusSeconds(120))
                    .when(new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10))
                    .expectEvents(new AlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10,
                            DUE.plusSeconds(120)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void an_acknowledged_alert_is_not_pushed_again_for_want_of_acknowledgement() {
            fixture.given(armed(DUE), expired(DUE, SHED), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE))
                    .when(new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void an_acknowledgement_that_is_never_resolved_reopens_the_alert() {
            fixture.given(armed(DUE), expired(DUE, SHED), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE),
                            new AlertOverdue(ALERT_ID, 2, OverdueReason.NOT_RESOLVED, 10, DUE.plusSeconds(1800)))
                    .when(new AcknowledgeAlert(ALERT_ID, DISPATCHER, "taking it again"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_resolved_alert_is_never_pushed_again() {
            fixture.given(armed(DUE), expired(DUE, SHED),
                            new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null, DUE))
                    .when(new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_RESOLVED, 10))
                    .expectNoEvents();
        }

        @Test
        void a_false_alarm_stands_the_notified_crews_down() {
            fixture.given(armed(DUE), expired(DUE, SHED),
                            new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.FALSE_ALARM, null, DUE))
                    .andGivenCurrentTime(DUE)
                    .when(new StandDownNearbyCrews(ALERT_ID, List.of(OTHER_CREW)))
                    .expectEvents(new NearbyCrewsStoodDown(ALERT_ID, List.of(OTHER_CREW), DUE));
        }
    }

    private static ArmSafetyTimer arm(Duration duration) {
        return new ArmSafetyTimer(ALERT_ID, OWNER, duration, SHED, NOTE);
    }

    /** Armed by {@link #OWNER} at {@link #T0} at the shed. */
    private static SafetyTimerArmed armed(Instant dueAt) {
        return new SafetyTimerArmed(ALERT_ID, OWNER, SHED, NOTE, dueAt, T0);
    }

    private static AlertEscalated expired(Instant at, GeoLocation location) {
        return new AlertEscalated(ALERT_ID, OWNER, EscalationReason.TIMER_EXPIRED, location, false, at);
    }

    private static AlertEscalated duressEscalation(GeoLocation location) {
        return new AlertEscalated(ALERT_ID, OWNER, EscalationReason.DURESS, location, true, T0);
    }

    /** The command was refused with {@code code}: a {@link Rejected}, nothing else. */
    private static Matcher<Object> rejectedWith(ErrorCode code) {
        return new TypeSafeMatcher<>(Rejected.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return ((Rejected) item).code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Rejected with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText("was Rejected with code ").appendValue(((Rejected) item).code());
            }
        };
    }

    /** A clock that reads the fixture's simulated time, for events applied while a deadline fires. */
    private static final class FixtureClock extends Clock {

        private final AggregateTestFixture<?> fixture;

        FixtureClock(AggregateTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
