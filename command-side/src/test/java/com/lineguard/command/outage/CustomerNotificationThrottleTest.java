package com.lineguard.command.outage;

import com.lineguard.command.outage.CustomerNotificationThrottle.Told;
import com.lineguard.contracts.outage.OutageStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rules at their boundaries, without Axon or Spring. */
class CustomerNotificationThrottleTest {

    private static final Instant T0 = Instant.parse("2025-11-14T18:00:00Z");
    private static final Instant ETR = T0.plus(Duration.ofHours(2));
    private static final CustomerNotificationThrottle THROTTLE =
            new CustomerNotificationThrottle(Duration.ofMinutes(15), Duration.ofMinutes(30));
    private static final Told TOLD = new Told(OutageStatus.ASSIGNED, ETR, T0);

    @Test
    void given_nothing_told_yet_then_the_first_message_is_due() {
        assertThat(THROTTLE.isDue(null, OutageStatus.REPORTED, null, T0)).isTrue();
    }

    @Test
    void given_nothing_new_then_no_message_is_due_however_long_ago() {
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.ASSIGNED, ETR, T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void given_a_new_status_then_a_message_is_due_from_exactly_the_interval_on() {
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.EN_ROUTE, ETR, T0.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.EN_ROUTE, ETR, T0.plus(Duration.ofMinutes(30)).minusMillis(1)))
                .isFalse();
    }

    @Test
    void given_an_etr_moved_by_exactly_the_threshold_either_way_then_a_message_is_due() {
        Instant later = T0.plus(Duration.ofMinutes(30));
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.ASSIGNED, ETR.plus(Duration.ofMinutes(15)), later)).isTrue();
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.ASSIGNED, ETR.minus(Duration.ofMinutes(15)), later)).isTrue();
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.ASSIGNED, ETR.plus(Duration.ofMinutes(15)).minusMillis(1),
                later)).isFalse();
    }

    @Test
    void given_a_first_etr_then_it_counts_as_news() {
        Told noEtr = new Told(OutageStatus.ASSIGNED, null, T0);
        assertThat(THROTTLE.isDue(noEtr, OutageStatus.ASSIGNED, ETR, T0.plus(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void given_restoration_then_a_message_is_due_at_once_but_only_once() {
        assertThat(THROTTLE.isDue(TOLD, OutageStatus.RESTORED, ETR, T0.plusMillis(1))).isTrue();
        Told restored = new Told(OutageStatus.RESTORED, ETR, T0);
        assertThat(THROTTLE.isDue(restored, OutageStatus.RESTORED, ETR, T0.plusMillis(1))).isFalse();
    }

    @Test
    void given_closing_within_the_interval_after_restoration_then_no_message_is_due() {
        Told restored = new Told(OutageStatus.RESTORED, ETR, T0);
        assertThat(THROTTLE.isDue(restored, OutageStatus.CLOSED, ETR, T0.plus(Duration.ofMinutes(5)))).isFalse();
    }
}
