package com.lineguard.contracts.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import com.lineguard.contracts.geo.GeoLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The fold from an alert's events to what the API shows: for dispatch ({@code of}) and for the owner. */
class AlertViewTest {

    private static final UUID ALERT_ID = UUID.fromString("6a1f3c2e-0000-4000-8000-000000000001");
    private static final String OWNER = "crew-ana";
    private static final String DISPATCHER = "dispatch-dora";
    private static final GeoLocation SHED = new GeoLocation(52.1, 4.3, 12.0);
    private static final GeoLocation POLE = new GeoLocation(52.2, 4.4, 8.0);
    private static final GeoLocation VAN = new GeoLocation(52.3, 4.5, 20.0);
    private static final String NOTE = "shed at end of lane";

    private static final Instant ARMED_AT = Instant.parse("2025-06-02T07:30:00Z");
    private static final Instant DUE = ARMED_AT.plus(Duration.ofMinutes(30));
    private static final Instant LATER = ARMED_AT.plus(Duration.ofMinutes(10));

    private static final SafetyTimerArmed ARMED = new SafetyTimerArmed(ALERT_ID, OWNER, SHED, NOTE, DUE, ARMED_AT);
    private static final AlertView ARMED_VIEW = new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.ARMED, OWNER,
            SHED, NOTE, ARMED_AT, DUE, null, null, null, null, false, false);

    @Nested
    class EachEventsEffect {

        @Test
        void an_emergency_starts_escalated_with_reason_emergency() {
            AlertView view = AlertView.of(List.of(new EmergencyRaised(ALERT_ID, OWNER, SHED, "fell", ARMED_AT)));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.EMERGENCY, AlertStatus.ESCALATED, OWNER,
                    SHED, "fell", ARMED_AT, null, ARMED_AT, EscalationReason.EMERGENCY, null, null, false, false));
        }

        @Test
        void an_armed_timer_counts_down_to_its_due_time() {
            assertThat(AlertView.of(List.of(ARMED))).isEqualTo(ARMED_VIEW);
        }

        @Test
        void an_extension_changes_only_the_due_time() {
            Instant extended = DUE.plus(Duration.ofMinutes(15));

            AlertView view = AlertView.of(List.of(ARMED, new SafetyTimerExtended(ALERT_ID, extended, LATER)));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.ARMED, OWNER, SHED, NOTE,
                    ARMED_AT, extended, null, null, null, null, false, false));
        }

        @Test
        void a_cancel_changes_only_the_status() {
            AlertView view = AlertView.of(List.of(ARMED, new SafetyTimerCancelled(ALERT_ID, LATER)));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.CANCELLED, OWNER, SHED,
                    NOTE, ARMED_AT, DUE, null, null, null, null, false, false));
        }

        @Test
        void a_location_report_changes_only_the_location() {
            AlertView view = AlertView.of(List.of(ARMED, new AlertLocationReported(ALERT_ID, POLE, LATER)));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.ARMED, OWNER, POLE, NOTE,
                    ARMED_AT, DUE, null, null, null, null, false, false));
        }

        @Test
        void an_expired_timer_escalates_to_the_location_help_is_sent_to() {
            AlertView view = AlertView.of(List.of(ARMED, expiredAt(DUE)));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.ESCALATED, OWNER, VAN,
                    NOTE, ARMED_AT, DUE, DUE, EscalationReason.TIMER_EXPIRED, null, null, false, false));
        }

        @Test
        void an_acknowledgement_names_the_dispatcher() {
            AlertView view = AlertView.of(List.of(ARMED, expiredAt(DUE),
                    new AlertAcknowledged(ALERT_ID, DISPATCHER, "calling crew", DUE.plusSeconds(30))));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.ACKNOWLEDGED, OWNER, VAN,
                    NOTE, ARMED_AT, DUE, DUE, EscalationReason.TIMER_EXPIRED, DISPATCHER, null, false, false));
        }

        @Test
        void a_resolution_records_the_outcome_and_keeps_who_acknowledged() {
            AlertView view = AlertView.of(List.of(ARMED, expiredAt(DUE),
                    new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE.plusSeconds(30)),
                    new AlertResolved(ALERT_ID, "dispatch-eve", ResolutionOutcome.ASSISTED, null, DUE.plusSeconds(600))));

            assertThat(view).isEqualTo(new AlertView(ALERT_ID, AlertType.TIMER, AlertStatus.RESOLVED, OWNER, VAN,
                    NOTE, ARMED_AT, DUE, DUE, EscalationReason.TIMER_EXPIRED, DISPATCHER, ResolutionOutcome.ASSISTED,
                    false, false));
        }

        @Test
        void no_events_are_no_alert() {
            assertThatIllegalArgumentException().isThrownBy(() -> AlertView.of(List.of()));
        }

        @Test
        void an_alert_cannot_start_with_anything_but_its_creation() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AlertView.of(List.of(new SafetyTimerCancelled(ALERT_ID, LATER))));
        }

        @Test
        void evolving_event_by_event_is_the_same_as_folding_them_all() {
            List<AlertEvent> events = List.of(ARMED, new AlertLocationReported(ALERT_ID, POLE, LATER),
                    expiredAt(DUE), new AlertAcknowledged(ALERT_ID, DISPATCHER, null, DUE));
            AlertView view = null;
            for (AlertEvent event : events) {
                view = AlertView.evolve(view, event);
            }

            assertThat(view).isEqualTo(AlertView.of(events));
        }
    }

    @Nested
    class TheOwnersView {

        /** What happened before the cancel, the same in both stories. */
        private final List<AlertEvent> earlier = List.of(ARMED,
                new SafetyTimerExtended(ALERT_ID, DUE.plus(Duration.ofMinutes(15)), LATER),
                new AlertLocationReported(ALERT_ID, POLE, LATER.plusSeconds(60)));
        private final Instant cancelledAt = LATER.plus(Duration.ofMinutes(5));

        private final List<AlertEvent> normalCancel = with(earlier, new SafetyTimerCancelled(ALERT_ID, cancelledAt));
        /** Help goes to the van, a fresher fix than the alert's own: the owner must not see that either. */
        private final List<AlertEvent> duressCancel = with(earlier,
                new AlertEscalated(ALERT_ID, OWNER, EscalationReason.DURESS, VAN, true, cancelledAt));

        @Test
        void of_a_duress_cancel_equals_the_owners_view_of_a_normal_cancel() {
            AlertView duress = AlertView.ofForOwner(duressCancel);
            AlertView normal = AlertView.ofForOwner(normalCancel);

            assertThat(duress).isEqualTo(normal);
            assertThat(duress.status()).isEqualTo(AlertStatus.CANCELLED);
            assertThat(duress.duress()).isFalse();
            assertThat(duress.escalatedAt()).isNull();
            assertThat(duress.escalationReason()).isNull();
            assertThat(duress.location()).isEqualTo(POLE);
        }

        @Test
        void of_a_normal_cancel_is_what_dispatch_sees_too() {
            assertThat(AlertView.ofForOwner(normalCancel)).isEqualTo(AlertView.of(normalCancel));
        }

        @Test
        void dispatch_sees_the_truth_of_a_duress_cancel() {
            AlertView dispatch = AlertView.of(duressCancel);

            assertThat(dispatch.status()).isEqualTo(AlertStatus.ESCALATED);
            assertThat(dispatch.escalationReason()).isEqualTo(EscalationReason.DURESS);
            assertThat(dispatch.duress()).isTrue();
            assertThat(dispatch.escalatedAt()).isEqualTo(cancelledAt);
            assertThat(dispatch.location()).isEqualTo(VAN);
        }

        @Test
        void does_not_change_when_dispatch_acknowledges_and_resolves_a_duress_alert() {
            AlertView beforeDispatchActs = AlertView.ofForOwner(duressCancel);
            List<AlertEvent> acknowledged = with(duressCancel,
                    new AlertAcknowledged(ALERT_ID, DISPATCHER, "sending crew", cancelledAt.plusSeconds(20)));
            List<AlertEvent> resolved = with(acknowledged,
                    new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.ASSISTED, null, cancelledAt.plusSeconds(900)));

            assertThat(AlertView.ofForOwner(acknowledged)).isEqualTo(beforeDispatchActs);
            assertThat(AlertView.ofForOwner(resolved)).isEqualTo(beforeDispatchActs)
                    .isEqualTo(AlertView.ofForOwner(normalCancel));
            assertThat(AlertView.of(resolved).status()).isEqualTo(AlertStatus.RESOLVED);
        }

        @Test
        void of_a_timer_that_really_expired_shows_the_escalation() {
            List<AlertEvent> expired = List.of(ARMED, expiredAt(DUE));

            assertThat(AlertView.ofForOwner(expired)).isEqualTo(AlertView.of(expired));
            assertThat(AlertView.ofForOwner(expired).status()).isEqualTo(AlertStatus.ESCALATED);
        }

        @Test
        void of_an_emergency_follows_dispatch_through_acknowledge_and_resolve() {
            List<AlertEvent> events = List.of(new EmergencyRaised(ALERT_ID, OWNER, SHED, null, ARMED_AT),
                    new AlertAcknowledged(ALERT_ID, DISPATCHER, null, LATER),
                    new AlertResolved(ALERT_ID, DISPATCHER, ResolutionOutcome.FALSE_ALARM, null, DUE));

            assertThat(AlertView.ofForOwner(events)).isEqualTo(AlertView.of(events));
        }

        @Test
        void evolving_event_by_event_is_the_same_as_folding_them_all() {
            AlertView view = null;
            for (AlertEvent event : duressCancel) {
                view = AlertView.evolveForOwner(view, event);
            }

            assertThat(view).isEqualTo(AlertView.ofForOwner(duressCancel));
        }
    }

    private static AlertEscalated expiredAt(Instant at) {
        return new AlertEscalated(ALERT_ID, OWNER, EscalationReason.TIMER_EXPIRED, VAN, false, at);
    }

    private static List<AlertEvent> with(List<AlertEvent> earlier, AlertEvent next) {
        List<AlertEvent> events = new ArrayList<>(earlier);
        events.add(next);
        return List.copyOf(events);
    }
}
