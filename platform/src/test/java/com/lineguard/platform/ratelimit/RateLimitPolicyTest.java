package com.lineguard.platform.ratelimit;

import com.lineguard.platform.ratelimit.RateLimitPolicy.Decision;
import com.lineguard.platform.ratelimit.RateLimitPolicy.Limit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    private static final Limit ONE_PER_2S_BURST_10 = new Limit(1, Duration.ofSeconds(2), 10);
    private static final Limit TEN_PER_MINUTE = new Limit(10, Duration.ofMinutes(1), 10);

    private final RateLimitPolicy policy = new RateLimitPolicy(ONE_PER_2S_BURST_10, TEN_PER_MINUTE);

    @Test
    void a_burst_passes_and_the_next_report_waits_for_one_refill() {
        for (int i = 0; i < 10; i++) {
            assertThat(policy.locationReport("crew-1", NOW).allowed()).as("report %d", i + 1).isTrue();
        }

        Decision eleventh = policy.locationReport("crew-1", NOW);

        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void a_refill_lets_one_more_through() {
        exhaustLocationReports("crew-1");

        assertThat(policy.locationReport("crew-1", NOW.plusMillis(1_999)).allowed()).isFalse();
        assertThat(policy.locationReport("crew-1", NOW.plusSeconds(2)).allowed()).isTrue();
        assertThat(policy.locationReport("crew-1", NOW.plusSeconds(2)).allowed()).isFalse();
    }

    @Test
    void the_retry_after_shrinks_as_time_passes() {
        exhaustLocationReports("crew-1");

        assertThat(policy.locationReport("crew-1", NOW.plusMillis(500)).retryAfter())
                .contains(Duration.ofMillis(1_500));
    }

    @Test
    void a_quiet_spell_refills_no_more_than_the_burst() {
        exhaustLocationReports("crew-1");

        Instant anHourLater = NOW.plus(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            assertThat(policy.locationReport("crew-1", anHourLater).allowed()).isTrue();
        }
        assertThat(policy.locationReport("crew-1", anHourLater).allowed()).isFalse();
    }

    @Test
    void each_user_has_a_budget_of_their_own() {
        exhaustLocationReports("crew-1");

        assertThat(policy.locationReport("crew-2", NOW).allowed()).isTrue();
    }

    @Test
    void location_reports_do_not_spend_the_alert_creation_budget() {
        exhaustLocationReports("crew-1");

        assertThat(policy.alertCreation("crew-1", NOW).allowed()).isTrue();
    }

    @Test
    void the_eleventh_alert_within_a_minute_waits_six_seconds() {
        exhaustAlertCreation("crew-1");

        assertThat(policy.alertCreation("crew-1", NOW).retryAfter()).contains(Duration.ofSeconds(6));
    }

    @Test
    void a_first_emergency_passes_whatever_the_rate() {
        exhaustAlertCreation("crew-1");

        assertThat(policy.emergency("crew-1", false, NOW).allowed()).isTrue();
        assertThat(policy.emergency("crew-1", false, NOW).allowed()).isTrue();
    }

    @Test
    void a_further_emergency_while_one_is_open_counts_as_an_alert_creation() {
        exhaustAlertCreation("crew-1");

        assertThat(policy.emergency("crew-1", true, NOW).allowed()).isFalse();
        assertThat(policy.emergency("crew-2", true, NOW).allowed()).isTrue();
    }

    @Test
    void a_clock_that_steps_back_neither_refills_nor_breaks_the_bucket() {
        exhaustLocationReports("crew-1");

        assertThat(policy.locationReport("crew-1", NOW.minusSeconds(60)).allowed()).isFalse();
        assertThat(policy.locationReport("crew-1", NOW.plusSeconds(2)).allowed()).isTrue();
    }

    @Test
    void users_whose_budget_is_full_again_are_forgotten() {
        for (int i = 0; i < 5_000; i++) {
            policy.locationReport("crew-" + i, NOW);
        }
        for (int i = 0; i < 5_000; i++) {
            policy.locationReport("crew-late", NOW.plus(Duration.ofMinutes(1)));
        }

        assertThat(policy.trackedBuckets()).isLessThan(10);
    }

    @Test
    void a_limit_needs_a_positive_rate_and_burst() {
        assertThatThrownBy(() -> new Limit(0, Duration.ofSeconds(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void exhaustLocationReports(String user) {
        for (int i = 0; i < 10; i++) {
            policy.locationReport(user, NOW);
        }
    }

    private void exhaustAlertCreation(String user) {
        for (int i = 0; i < 10; i++) {
            policy.alertCreation(user, NOW);
        }
    }
}
