package com.lineguard.command.alert;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.FreshSignInPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may change a safety timer, and for how long it may run.
 * <ul>
 *     <li>Only the crew member who armed it may extend or cancel it: not another crew member, not a dispatcher, not
 *     an admin; and only after signing in again, so that a phone left unlocked cannot call help off.</li>
 *     <li>A countdown runs between {@code lineguard.timers.min-duration} and {@code max-duration} from now.</li>
 *     <li>The owner is warned {@code lineguard.timers.warning-before} the due time.</li>
 * </ul>
 */
public record TimerPolicy(Duration minDuration, Duration maxDuration, Duration warningBefore,
                          FreshSignInPolicy freshSignIn) {

    /**
     * When to warn the owner that help is about to be sent; empty when that moment has already passed, or when
     * warnings are switched off ({@code warning-before} of zero).
     */
    public Optional<Instant> warningAt(Instant dueAt, Instant now) {
        if (warningBefore.isZero()) {
            return Optional.empty();
        }
        Instant warningAt = dueAt.minus(warningBefore);
        return warningAt.isAfter(now) ? Optional.of(warningAt) : Optional.empty();
    }

    public void requireOwnerFreshlySignedIn(String owner, String actor, Instant signedInAt, Instant now) {
        requireOwner(owner, actor);
        if (!freshSignIn.isFresh(signedInAt, now)) {
            throw new Rejected(ErrorCode.REAUTH_REQUIRED, "Sign in again to change your safety timer.");
        }
    }

    public void requireOwner(String owner, String actor) {
        if (!owner.equals(actor)) {
            throw new Rejected(ErrorCode.NOT_OWNER, "Only the crew member who armed this alert may change it.");
        }
    }

    public Instant dueAt(Instant now, Duration duration) {
        if (duration.compareTo(minDuration) < 0 || duration.compareTo(maxDuration) > 0) {
            throw Rejected.invalid("durationSeconds", "durationSeconds must lie between "
                    + minDuration.toSeconds() + " and " + maxDuration.toSeconds() + ".");
        }
        return now.plus(duration);
    }

    public Instant extendedDueAt(Instant currentDueAt, Duration additional, Instant now) {
        Instant extended = currentDueAt.plus(additional);
        if (Duration.between(now, extended).compareTo(maxDuration) > 0) {
            throw Rejected.invalid("additionalSeconds",
                    "A timer may not run more than " + maxDuration.toSeconds() + " seconds from now.");
        }
        return extended;
    }
}
