package com.lineguard.command.support;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Helpers for aggregate fixtures: matching a {@link Rejected} by code, and a clock that follows the fixture. */
public final class FixtureSupport {

    private FixtureSupport() {
    }

    public static Matcher<Object> rejectedWith(ErrorCode code) {
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

    /**
     * The fixture fixes the event clock while it handles a command but not while a deadline fires; this clock reads
     * the fixture's simulated time in both cases (install it as {@code GenericEventMessage.clock}).
     */
    public static Clock clockOf(AggregateTestFixture<?> fixture) {
        return new Clock() {
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
        };
    }
}
