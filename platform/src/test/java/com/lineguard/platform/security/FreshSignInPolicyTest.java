package com.lineguard.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FreshSignInPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-02T07:30:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final FreshSignInPolicy policy = new FreshSignInPolicy(MAX_AGE);

    @Test
    void a_sign_in_just_now_is_fresh() {
        assertThat(policy.isFresh(NOW, NOW)).isTrue();
    }

    @Test
    void a_sign_in_exactly_the_max_age_ago_is_fresh() {
        assertThat(policy.isFresh(NOW.minus(MAX_AGE), NOW)).isTrue();
    }

    @Test
    void a_sign_in_a_second_older_than_the_max_age_is_stale() {
        assertThat(policy.isFresh(NOW.minus(MAX_AGE).minusSeconds(1), NOW)).isFalse();
    }

    @Test
    void a_sign_in_a_millisecond_older_than_the_max_age_is_stale() {
        assertThat(policy.isFresh(NOW.minus(MAX_AGE).minusMillis(1), NOW)).isFalse();
    }

    @Test
    void an_unknown_sign_in_time_is_not_fresh() {
        assertThat(policy.isFresh(null, NOW)).isFalse();
    }

    @Test
    void a_sign_in_up_to_a_minute_in_the_future_is_tolerated_as_clock_skew() {
        assertThat(policy.isFresh(NOW.plusSeconds(60), NOW)).isTrue();
    }

    @Test
    void a_sign_in_more_than_a_minute_in_the_future_is_not_fresh() {
        assertThat(policy.isFresh(NOW.plusSeconds(61), NOW)).isFalse();
    }
}
