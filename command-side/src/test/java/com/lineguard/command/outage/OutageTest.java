package com.lineguard.command.outage;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.CrewNotificationKind;
import com.lineguard.contracts.outage.EtrSource;
import com.lineguard.contracts.outage.OutageCommands.AddWorkNote;
import com.lineguard.contracts.outage.OutageCommands.AssignOutage;
import com.lineguard.contracts.outage.OutageCommands.ChangeOutageStatus;
import com.lineguard.contracts.outage.OutageCommands.CloseOutage;
import com.lineguard.contracts.outage.OutageCommands.PredictEtr;
import com.lineguard.contracts.outage.OutageCommands.ReportOutage;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageFromLegacy;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageRestored;
import com.lineguard.contracts.outage.OutageCommands.SetEtr;
import com.lineguard.contracts.outage.OutageEvents.CrewNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.CustomerNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.EtrEstimated;
import com.lineguard.contracts.outage.OutageEvents.EtrExpired;
import com.lineguard.contracts.outage.OutageEvents.OutageAssigned;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageEvents.OutageReported;
import com.lineguard.contracts.outage.OutageEvents.OutageStatusChanged;
import com.lineguard.contracts.outage.OutageEvents.WorkNoteAdded;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.command.support.FixtureSupport;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.lineguard.command.support.FixtureSupport.rejectedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the {@link Outage} aggregate: given earlier events, when a command or the passing of time, then the
 * events it decides or the code it refuses with.
 */
class OutageTest {

    private static final Instant T0 = Instant.parse("2025-11-14T18:00:00Z");
    private static final UUID OUTAGE_ID = UUID.fromString("0b7a11e5-0000-4000-8000-000000000001");
    private static final String DEVICE = "XFMR-77";
    private static final GeoLocation SITE = new GeoLocation(52.1, 4.3, null);

    private static final String ANA = "crew-ana";
    private static final String BEN = "crew-ben";
    private static final String DORA = "dispatch-dora";

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final CustomerNotificationThrottle THROTTLE =
            new CustomerNotificationThrottle(Duration.ofMinutes(15), Duration.ofMinutes(30));

    private AggregateTestFixture<Outage> fixture;
    private final Map<String, UUID> references = new HashMap<>();
    private Clock previousEventClock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Outage.class);
        fixture.registerInjectableResource(THROTTLE);
        OutageReferences fakeReferences = new OutageReferences() {
            @Override
            public UUID claim(String externalRef, UUID outageId) {
                return references.computeIfAbsent(externalRef, ref -> outageId);
            }

            @Override
            public Optional<UUID> find(String externalRef) {
                return Optional.ofNullable(references.get(externalRef));
            }
        };
        fixture.registerAnnotatedCommandHandler(new OutageReporting(fixture.getRepository(), fakeReferences, THROTTLE));
        fixture.givenCurrentTime(T0);
        previousEventClock = GenericEventMessage.clock;
        GenericEventMessage.clock = FixtureSupport.clockOf(fixture);
    }

    @AfterEach
    void restoreEventClock() {
        GenericEventMessage.clock = previousEventClock;
    }

    @Nested
    class Reporting {

        @Test
        void given_nothing_when_a_dispatcher_reports_then_the_outage_is_reported_and_customers_are_told() {
            fixture.givenNoPriorActivity()
                    .when(new ReportOutage(OUTAGE_ID, DEVICE, SITE, 240, "storm", List.of("LINE"), null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(OUTAGE_ID)
                    .expectEvents(reported(), customersTold(OutageStatus.REPORTED, null, T0));
        }

        @Test
        void given_nothing_when_customers_affected_is_negative_then_it_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new ReportOutage(OUTAGE_ID, DEVICE, SITE, -1, null, null, null))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void given_a_legacy_report_when_the_same_reference_is_reported_twice_more_then_there_is_still_one_outage() {
            ReportOutageFromLegacy fromLegacy =
                    new ReportOutageFromLegacy("OMS-123", DEVICE, SITE, 240, "storm", List.of("LINE"));
            fixture.givenCommands(fromLegacy, fromLegacy)
                    .when(fromLegacy)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(references.get("OMS-123")));
            assertThat(references).containsOnlyKeys("OMS-123");
        }

        @Test
        void given_nothing_when_legacy_reports_without_a_reference_then_it_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new ReportOutageFromLegacy(" ", DEVICE, SITE, 240, null, null))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assigning {

        @Test
        void given_a_reported_outage_when_assigned_then_the_crew_is_told_and_customers_wait_for_the_interval() {
            fixture.given(reportedAndTold())
                    .when(new AssignOutage(OUTAGE_ID, DORA, ANA))
                    .expectEvents(new OutageAssigned(OUTAGE_ID, ANA, null, T0),
                            new CrewNotificationDue(OUTAGE_ID, ANA, CrewNotificationKind.ASSIGNMENT, T0));
        }

        @Test
        void given_a_crew_en_route_when_a_dispatcher_re_assigns_then_the_new_crew_starts_from_assigned() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.EN_ROUTE, ANA))
                    .when(new AssignOutage(OUTAGE_ID, DORA, BEN))
                    .expectEvents(new OutageAssigned(OUTAGE_ID, BEN, ANA, T0),
                            new CrewNotificationDue(OUTAGE_ID, BEN, CrewNotificationKind.ASSIGNMENT, T0));
        }

        @Test
        void given_an_assigned_outage_when_assigned_to_the_same_crew_again_then_nothing_happens() {
            fixture.given(assignedTo(ANA))
                    .when(new AssignOutage(OUTAGE_ID, DORA, ANA))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void given_a_restored_outage_when_re_assigned_then_it_is_an_invalid_transition() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.RESTORED, ANA))
                    .when(new AssignOutage(OUTAGE_ID, DORA, BEN))
                    .expectException(rejectedWith(ErrorCode.INVALID_TRANSITION))
                    .expectNoEvents();
        }

        @Test
        void given_a_closed_outage_when_assigned_then_it_is_refused_as_closed() {
            fixture.given(closed())
                    .when(new AssignOutage(OUTAGE_ID, DORA, BEN))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class CrewProgress {

        @Test
        void given_an_assigned_crew_when_it_reports_en_route_then_the_status_changes() {
            fixture.given(assignedTo(ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.EN_ROUTE))
                    .expectEvents(statusChanged(OutageStatus.EN_ROUTE, ANA));
        }

        @Test
        void given_a_crew_en_route_when_it_reports_on_site_then_the_status_changes() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.EN_ROUTE, ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.ON_SITE))
                    .expectEvents(statusChanged(OutageStatus.ON_SITE, ANA));
        }

        @Test
        void given_a_crew_on_site_when_it_reports_restored_then_customers_are_told_at_once_despite_the_interval() {
            fixture.given(assignedTo(ANA))
                    .andGiven(statusChanged(OutageStatus.EN_ROUTE, ANA), statusChanged(OutageStatus.ON_SITE, ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.RESTORED))
                    .expectEvents(statusChanged(OutageStatus.RESTORED, ANA),
                            customersTold(OutageStatus.RESTORED, null, T0));
        }

        @ParameterizedTest
        @EnumSource(value = OutageStatus.class, names = {"ON_SITE", "RESTORED", "CLOSED", "ASSIGNED", "REPORTED"})
        void given_an_assigned_crew_when_it_skips_a_step_or_goes_back_then_it_is_an_invalid_transition(
                OutageStatus target) {
            fixture.given(assignedTo(ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, target))
                    .expectException(rejectedWith(ErrorCode.INVALID_TRANSITION))
                    .expectNoEvents();
        }

        @Test
        void given_a_restored_outage_when_the_crew_reports_restored_again_then_it_is_an_invalid_transition() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.RESTORED, ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.RESTORED))
                    .expectException(rejectedWith(ErrorCode.INVALID_TRANSITION))
                    .expectNoEvents();
        }

        @Test
        void given_an_outage_assigned_to_another_crew_when_a_crew_reports_progress_then_it_is_not_assigned() {
            fixture.given(assignedTo(ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, BEN, OutageStatus.EN_ROUTE))
                    .expectException(rejectedWith(ErrorCode.NOT_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void given_a_crew_taken_off_the_outage_when_it_reports_progress_then_it_is_not_assigned() {
            fixture.given(assignedTo(ANA)).andGiven(new OutageAssigned(OUTAGE_ID, BEN, ANA, T0))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.EN_ROUTE))
                    .expectException(rejectedWith(ErrorCode.NOT_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void given_an_unassigned_outage_when_a_crew_reports_progress_then_it_is_not_assigned() {
            fixture.given(reportedAndTold())
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.EN_ROUTE))
                    .expectException(rejectedWith(ErrorCode.NOT_ASSIGNED))
                    .expectNoEvents();
        }
    }

    @Nested
    class LegacyRestoration {

        @Test
        void given_an_outage_only_reported_when_legacy_reports_it_restored_by_reference_then_it_is_restored() {
            references.put("OMS-123", OUTAGE_ID);
            fixture.given(reportedAndTold())
                    .when(new ReportOutageRestored(null, "OMS-123"))
                    .expectEvents(new OutageStatusChanged(OUTAGE_ID, OutageStatus.RESTORED, Outage.LEGACY_ACTOR, T0),
                            customersTold(OutageStatus.RESTORED, null, T0));
        }

        @Test
        void given_a_restored_outage_when_legacy_reports_it_restored_again_then_nothing_happens() {
            fixture.given(reportedAndTold())
                    .andGiven(new OutageStatusChanged(OUTAGE_ID, OutageStatus.RESTORED, Outage.LEGACY_ACTOR, T0))
                    .when(new ReportOutageRestored(OUTAGE_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void given_no_such_reference_when_legacy_reports_it_restored_then_the_outage_is_not_found() {
            fixture.givenNoPriorActivity()
                    .when(new ReportOutageRestored(null, "OMS-404"))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_NOT_FOUND));
        }

        @Test
        void given_no_such_outage_when_legacy_reports_it_restored_then_the_outage_is_not_found() {
            fixture.givenNoPriorActivity()
                    .when(new ReportOutageRestored(UUID.randomUUID(), null))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_NOT_FOUND));
        }
    }

    @Nested
    class Closing {

        @Test
        void given_a_restored_outage_when_a_dispatcher_closes_it_then_it_is_closed() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.RESTORED, ANA),
                            customersTold(OutageStatus.RESTORED, null, T0))
                    .when(new CloseOutage(OUTAGE_ID, DORA))
                    .expectEvents(statusChanged(OutageStatus.CLOSED, DORA));
        }

        @Test
        void given_a_crew_on_site_when_a_dispatcher_closes_it_then_it_is_not_restored() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.ON_SITE, ANA))
                    .when(new CloseOutage(OUTAGE_ID, DORA))
                    .expectException(rejectedWith(ErrorCode.NOT_RESTORED))
                    .expectNoEvents();
        }

        @Test
        void given_a_closed_outage_when_closed_again_then_it_is_refused_as_closed() {
            fixture.given(closed())
                    .when(new CloseOutage(OUTAGE_ID, DORA))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class WorkLog {

        @Test
        void given_an_assigned_crew_when_it_adds_a_note_then_the_note_is_recorded_with_author_and_time() {
            fixture.given(assignedTo(ANA))
                    .when(new AddWorkNote(OUTAGE_ID, ANA, false, "tree on the line, need a cutter"))
                    .expectEvents(new WorkNoteAdded(OUTAGE_ID, ANA, "tree on the line, need a cutter", T0));
        }

        @Test
        void given_an_assigned_outage_when_dispatch_adds_a_note_then_the_note_is_recorded() {
            fixture.given(assignedTo(ANA))
                    .when(new AddWorkNote(OUTAGE_ID, DORA, true, "cutter on its way"))
                    .expectEvents(new WorkNoteAdded(OUTAGE_ID, DORA, "cutter on its way", T0));
        }

        @Test
        void given_an_outage_assigned_to_another_crew_when_a_crew_adds_a_note_then_it_is_not_assigned() {
            fixture.given(assignedTo(ANA))
                    .when(new AddWorkNote(OUTAGE_ID, BEN, false, "hello"))
                    .expectException(rejectedWith(ErrorCode.NOT_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void given_a_closed_outage_when_a_note_is_added_then_it_is_refused_as_closed() {
            fixture.given(closed())
                    .when(new AddWorkNote(OUTAGE_ID, DORA, true, "late note"))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class EstimatedRestoration {

        private final Instant inTwoHours = T0.plus(Duration.ofHours(2));

        @Test
        void given_an_assigned_crew_when_it_sets_an_etr_then_it_is_shown_and_its_deadline_scheduled() {
            fixture.given(assignedTo(ANA))
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inTwoHours, null, null))
                    .expectEvents(etr(inTwoHours, EtrSource.CREW, ANA, true))
                    .expectScheduledDeadline(inTwoHours, new EtrDue(inTwoHours))
                    .expectScheduledDeadlineWithName(inTwoHours, EtrDue.DEADLINE);
        }

        @Test
        void given_an_assigned_crew_when_a_dispatcher_sets_the_etr_then_the_crew_is_told_it_changed() {
            fixture.given(assignedTo(ANA))
                    .when(new SetEtr(OUTAGE_ID, DORA, EtrSource.DISPATCHER, inTwoHours, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, inTwoHours, EtrSource.DISPATCHER, null, null, DORA,
                                    true, T0),
                            new CrewNotificationDue(OUTAGE_ID, ANA, CrewNotificationKind.ETR_CHANGED, T0));
        }

        @Test
        void given_an_etr_in_the_past_or_now_when_set_then_it_is_refused() {
            fixture.given(assignedTo(ANA))
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, T0, null, null))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void given_an_etr_more_than_a_year_ahead_or_at_the_end_of_time_when_set_then_it_is_refused() {
            for (Instant tooFar : new Instant[]{T0.plus(Outage.LONGEST_ETR).plusSeconds(1), Instant.MAX}) {
                fixture.given(assignedTo(ANA))
                        .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, tooFar, null, null))
                        .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                        .expectNoEvents()
                        .expectNoScheduledDeadlines();
            }
        }

        @Test
        void given_another_crew_when_it_sets_an_etr_then_it_is_not_assigned() {
            fixture.given(assignedTo(ANA))
                    .when(new SetEtr(OUTAGE_ID, BEN, EtrSource.CREW, inTwoHours, null, null))
                    .expectException(rejectedWith(ErrorCode.NOT_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void given_a_restored_outage_when_an_etr_is_set_then_it_is_refused_as_closed() {
            fixture.given(assignedTo(ANA)).andGiven(statusChanged(OutageStatus.RESTORED, ANA))
                    .when(new SetEtr(OUTAGE_ID, DORA, EtrSource.DISPATCHER, inTwoHours, null, null))
                    .expectException(rejectedWith(ErrorCode.OUTAGE_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void given_a_crew_etr_when_a_prediction_arrives_then_it_is_kept_in_history_but_not_shown() {
            Instant predicted = T0.plus(Duration.ofHours(5));
            fixture.given(assignedTo(ANA)).andGiven(etr(inTwoHours, EtrSource.CREW, ANA, true))
                    .when(new PredictEtr(OUTAGE_ID, null, predicted, "model", 0.7))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, predicted, EtrSource.PREDICTED, 0.7, "model",
                            Outage.LEGACY_ACTOR, false, T0))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void given_a_dispatcher_etr_when_a_prediction_arrives_then_it_is_not_shown() {
            Instant predicted = T0.plus(Duration.ofHours(5));
            fixture.given(assignedTo(ANA)).andGiven(etr(inTwoHours, EtrSource.DISPATCHER, DORA, true))
                    .when(new PredictEtr(OUTAGE_ID, null, predicted, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, predicted, EtrSource.PREDICTED, null, null,
                            Outage.LEGACY_ACTOR, false, T0));
        }

        @Test
        void given_only_a_prediction_when_a_newer_prediction_arrives_by_reference_then_it_is_shown() {
            references.put("OMS-123", OUTAGE_ID);
            Instant predicted = T0.plus(Duration.ofHours(5));
            fixture.given(reportedAndTold()).andGiven(etr(inTwoHours, EtrSource.PREDICTED, Outage.LEGACY_ACTOR, true))
                    .when(new PredictEtr(null, "OMS-123", predicted, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, predicted, EtrSource.PREDICTED, null, null,
                            Outage.LEGACY_ACTOR, true, T0))
                    .expectScheduledDeadline(predicted, new EtrDue(predicted));
        }

        @Test
        void given_a_prediction_when_the_crew_sets_an_etr_then_the_crew_etr_is_shown() {
            fixture.given(assignedTo(ANA)).andGiven(etr(inTwoHours, EtrSource.PREDICTED, Outage.LEGACY_ACTOR, true))
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, T0.plus(Duration.ofHours(3)), null, null))
                    .expectEvents(etr(T0.plus(Duration.ofHours(3)), EtrSource.CREW, ANA, true));
        }

        @Test
        void given_an_assigned_crew_when_it_sets_an_etr_with_a_confidence_then_the_estimate_records_it() {
            fixture.given(assignedTo(ANA))
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inTwoHours, "waiting for a part", 0.8))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, inTwoHours, EtrSource.CREW, 0.8, "waiting for a part",
                            ANA, true, T0));
        }

        @Test
        void given_a_prediction_when_its_confidence_is_above_one_then_it_is_refused() {
            fixture.given(reportedAndTold())
                    .when(new PredictEtr(OUTAGE_ID, null, inTwoHours, null, 1.5))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class EtrExpiry {

        private final Instant inOneHour = T0.plus(Duration.ofHours(1));
        private final Instant inTwoHours = T0.plus(Duration.ofHours(2));

        @Test
        void given_a_crew_etr_when_it_passes_unrestored_then_crew_and_dispatch_are_told_it_expired() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectDeadlinesMet(new EtrDue(inOneHour))
                    .expectEvents(new EtrExpired(OUTAGE_ID, inOneHour, ANA, inOneHour));
        }

        @Test
        void given_a_crew_etr_when_time_stops_short_of_it_then_nothing_happens() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null))
                    .whenTimeElapses(Duration.ofHours(1).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void given_an_etr_then_restoration_when_the_etr_passes_then_nothing_expires() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null),
                            new ReportOutageRestored(OUTAGE_ID, null))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoEvents();
        }

        @Test
        void given_an_etr_moved_later_when_the_first_etr_passes_then_nothing_expires_yet() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null),
                            new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inTwoHours, null, null))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoEvents();
        }

        @Test
        void given_an_etr_moved_later_when_the_later_one_passes_then_it_expires_once() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null),
                            new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inTwoHours, null, null))
                    .whenTimeElapses(Duration.ofHours(2))
                    .expectEvents(new EtrExpired(OUTAGE_ID, inTwoHours, ANA, inTwoHours));
        }

        @Test
        void given_the_same_etr_set_twice_when_it_passes_then_it_expires_once() {
            fixture.given(assignedTo(ANA))
                    .andGivenCommands(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, null, null),
                            new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, inOneHour, "confirmed", null))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new EtrExpired(OUTAGE_ID, inOneHour, ANA, inOneHour));
        }

        @Test
        void given_a_hidden_prediction_when_its_time_passes_then_nothing_expires() {
            fixture.given(assignedTo(ANA)).andGiven(etr(inTwoHours, EtrSource.CREW, ANA, true))
                    .andGivenCommands(new PredictEtr(OUTAGE_ID, null, inOneHour, null, null))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoEvents();
        }
    }

    @Nested
    class CustomerNotifications {

        private final Instant etr = T0.plus(Duration.ofHours(2));

        @Test
        void given_customers_told_half_an_hour_ago_when_the_status_changes_then_they_are_told_again() {
            Instant later = T0.plus(Duration.ofMinutes(30));
            fixture.givenCurrentTime(later).andGiven(assignedTo(ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.EN_ROUTE))
                    .expectEvents(new OutageStatusChanged(OUTAGE_ID, OutageStatus.EN_ROUTE, ANA, later),
                            customersTold(OutageStatus.EN_ROUTE, null, later));
        }

        @Test
        void given_customers_told_a_minute_short_of_the_interval_when_the_status_changes_then_they_are_not_told() {
            Instant later = T0.plus(Duration.ofMinutes(29));
            fixture.givenCurrentTime(later).andGiven(assignedTo(ANA))
                    .when(new ChangeOutageStatus(OUTAGE_ID, ANA, OutageStatus.EN_ROUTE))
                    .expectEvents(new OutageStatusChanged(OUTAGE_ID, OutageStatus.EN_ROUTE, ANA, later));
        }

        @Test
        void given_customers_told_of_an_etr_when_it_moves_by_the_threshold_after_the_interval_then_they_are_told() {
            Instant later = T0.plus(Duration.ofMinutes(40));
            Instant moved = etr.plus(Duration.ofMinutes(15));
            fixture.givenCurrentTime(later).andGiven(toldOfEtr())
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, moved, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, moved, EtrSource.CREW, null, null, ANA, true, later),
                            customersTold(OutageStatus.ASSIGNED, moved, later));
        }

        @Test
        void given_customers_told_of_an_etr_when_it_moves_less_than_the_threshold_then_they_are_not_told() {
            Instant later = T0.plus(Duration.ofMinutes(40));
            Instant moved = etr.plus(Duration.ofMinutes(14));
            fixture.givenCurrentTime(later).andGiven(toldOfEtr())
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, moved, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, moved, EtrSource.CREW, null, null, ANA, true, later));
        }

        @Test
        void given_customers_told_of_an_etr_when_it_moves_far_within_the_interval_then_they_are_not_told() {
            Instant later = T0.plus(Duration.ofMinutes(10));
            Instant moved = etr.plus(Duration.ofHours(1));
            fixture.givenCurrentTime(later).andGiven(toldOfEtr())
                    .when(new SetEtr(OUTAGE_ID, ANA, EtrSource.CREW, moved, null, null))
                    .expectEvents(new EtrEstimated(OUTAGE_ID, moved, EtrSource.CREW, null, null, ANA, true, later));
        }

        @Test
        void given_customers_told_a_minute_ago_when_legacy_reports_restored_then_they_are_told_at_once() {
            Instant later = T0.plus(MINUTE);
            fixture.givenCurrentTime(later).andGiven(toldOfEtr())
                    .when(new ReportOutageRestored(OUTAGE_ID, null))
                    .expectEvents(new OutageStatusChanged(OUTAGE_ID, OutageStatus.RESTORED, Outage.LEGACY_ACTOR,
                            later), customersTold(OutageStatus.RESTORED, etr, later));
        }

        private List<OutageEvent> toldOfEtr() {
            List<OutageEvent> events = new ArrayList<>(assignedTo(ANA));
            events.add(etr(etr, EtrSource.CREW, ANA, true));
            events.add(customersTold(OutageStatus.ASSIGNED, etr, T0));
            return events;
        }
    }

    private static OutageReported reported() {
        return new OutageReported(OUTAGE_ID, DEVICE, SITE, 240, "storm", List.of("LINE"), null, T0);
    }

    private static CustomerNotificationDue customersTold(OutageStatus status, Instant etr, Instant at) {
        return new CustomerNotificationDue(OUTAGE_ID, status, etr, at);
    }

    private static List<OutageEvent> reportedAndTold() {
        return List.of(reported(), customersTold(OutageStatus.REPORTED, null, T0));
    }

    private static List<OutageEvent> assignedTo(String crewId) {
        List<OutageEvent> events = new ArrayList<>(reportedAndTold());
        events.add(new OutageAssigned(OUTAGE_ID, crewId, null, T0));
        events.add(new CrewNotificationDue(OUTAGE_ID, crewId, CrewNotificationKind.ASSIGNMENT, T0));
        return events;
    }

    private static List<OutageEvent> closed() {
        List<OutageEvent> events = new ArrayList<>(assignedTo(ANA));
        events.add(statusChanged(OutageStatus.RESTORED, ANA));
        events.add(statusChanged(OutageStatus.CLOSED, DORA));
        return events;
    }

    private static OutageStatusChanged statusChanged(OutageStatus status, String by) {
        return new OutageStatusChanged(OUTAGE_ID, status, by, T0);
    }

    private static EtrEstimated etr(Instant at, EtrSource source, String by, boolean shown) {
        return new EtrEstimated(OUTAGE_ID, at, source, null, null, by, shown, T0);
    }
}
