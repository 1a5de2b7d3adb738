package com.lineguard.command.alert;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.FreshSignInPolicy;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may change a safety timer, and for how long it may run.
 * <ul>
 *     <li>Only the crew member who armed it may extend or cancel it: not another crew member, not a dispatcher, not
 *     an admin; and only after signing in again, so that a phone left unlocked cannot call help off.</li>
 *     <li>A countdown runs between {@code lineguard.timers.min-duration} and {@code max-duration} from now.</li>
 * </ul>
 */
public record TimerPolicy(Duration minDuration, Duration maxDuration, FreshSignInPolicy freshSignIn) {

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
