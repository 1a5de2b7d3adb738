package com.lineguard.command.alert;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.FreshSignInPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TimerPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-02T07:30:00Z");
    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofHours(12);

    private final TimerPolicy policy = new TimerPolicy(MIN, MAX, Duration.ofMinutes(1),
            new FreshSignInPolicy(Duration.ofMinutes(5)));

    // --- how long a timer may run -------------------------------------------------------------------------

    @Test
    void a_timer_of_exactly_the_minimum_duration_is_due_after_it() {
        assertThat(policy.dueAt(NOW, MIN)).isEqualTo(NOW.plus(MIN));
    }

    @Test
    void a_timer_of_exactly_the_maximum_duration_is_due_after_it() {
        assertThat(policy.dueAt(NOW, MAX)).isEqualTo(NOW.plus(MAX));
    }

    @Test
    void a_timer_a_second_shorter_than_the_minimum_is_invalid() {
        Rejected rejected = catchThrowableOfType(Rejected.class, () -> policy.dueAt(NOW, MIN.minusSeconds(1)));

        assertThat(rejected.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(rejected.field()).isEqualTo("durationSeconds");
    }

    @Test
    void a_timer_a_second_longer_than_the_maximum_is_invalid() {
        Rejected rejected = catchThrowableOfType(Rejected.class, () -> policy.dueAt(NOW, MAX.plusSeconds(1)));

        assertThat(rejected.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(rejected.field()).isEqualTo("durationSeconds");
    }

    @Test
    void an_extension_moves_the_due_time_by_the_additional_time() {
        Instant due = NOW.plus(Duration.ofMinutes(30));

        assertThat(policy.extendedDueAt(due, Duration.ofMinutes(15), NOW)).isEqualTo(due.plus(Duration.ofMinutes(15)));
    }

    @Test
    void an_extension_may_end_exactly_the_maximum_duration_from_now() {
        Instant due = NOW.plus(Duration.ofHours(11));

        assertThat(policy.extendedDueAt(due, Duration.ofHours(1), NOW)).isEqualTo(NOW.plus(MAX));
    }

    @Test
    void an_extension_ending_a_second_past_the_maximum_from_now_is_invalid() {
        Instant due = NOW.plus(Duration.ofHours(11));

        Rejected rejected = catchThrowableOfType(Rejected.class,
                () -> policy.extendedDueAt(due, Duration.ofHours(1).plusSeconds(1), NOW));

        assertThat(rejected.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(rejected.field()).isEqualTo("additionalSeconds");
    }

    @Test
    void the_maximum_counts_from_now_not_from_when_the_timer_was_armed() {
        // Armed 12 h ago for 12 h, due now: another 12 h from now is allowed.
        assertThat(policy.extendedDueAt(NOW, MAX, NOW)).isEqualTo(NOW.plus(MAX));
    }

    // --- who may change a timer ---------------------------------------------------------------------------

    @Test
    void the_owner_freshly_signed_in_may_change_the_timer() {
        assertThatCode(() -> policy.requireOwnerFreshlySignedIn("crew-ana", "crew-ana", NOW.minusSeconds(60), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void somebody_else_is_not_the_owner_even_when_freshly_signed_in() {
        Rejected rejected = catchThrowableOfType(Rejected.class,
                () -> policy.requireOwnerFreshlySignedIn("crew-ana", "crew-ben", NOW, NOW));

        assertThat(rejected.code()).isEqualTo(ErrorCode.NOT_OWNER);
    }

    @Test
    void somebody_else_is_told_not_owner_before_anything_about_their_sign_in() {
        Rejected rejected = catchThrowableOfType(Rejected.class,
                () -> policy.requireOwnerFreshlySignedIn("crew-ana", "dispatch-dora", null, NOW));

        assertThat(rejected.code()).isEqualTo(ErrorCode.NOT_OWNER);
    }

    @Test
    void the_owner_with_a_stale_sign_in_must_sign_in_again() {
        Rejected rejected = catchThrowableOfType(Rejected.class,
                () -> policy.requireOwnerFreshlySignedIn("crew-ana", "crew-ana",
                        NOW.minus(Duration.ofMinutes(5)).minusSeconds(1), NOW));

        assertThat(rejected.code()).isEqualTo(ErrorCode.REAUTH_REQUIRED);
    }

    @Test
    void the_owner_may_report_without_a_fresh_sign_in_but_nobody_else_may() {
        assertThatCode(() -> policy.requireOwner("crew-ana", "crew-ana")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(Rejected.class, () -> policy.requireOwner("crew-ana", "crew-ben")).code())
                .isEqualTo(ErrorCode.NOT_OWNER);
    }
}
