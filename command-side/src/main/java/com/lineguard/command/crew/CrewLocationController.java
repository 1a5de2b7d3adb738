package com.lineguard.command.crew;

import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.ratelimit.RateLimits;
import com.lineguard.platform.security.Actor;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /crews/me/location}: where a crew member is, for escalations and nearby-crew alerts. Not an event
 * (ADR 0007): thousands of phones report every 30 s and only the newest fix matters for sending help.
 */
@RestController
class CrewLocationController {

    /** A location (API.md "L"), plus the device's own time of the fix when the app uploads it after being offline. */
    record LocationReport(@NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double lat,
                          @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double lon,
                          @PositiveOrZero Double accuracyM,
                          Instant recordedAt) {
    }

    /** A phone's clock may run a little fast; a fix from further in the future is a broken clock, not a fix. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** A fix older than this tells nobody where to send help (only the newest is kept); much older is a broken clock. */
    private static final Duration OLDEST_FIX = Duration.ofDays(7);

    private final CrewLocations crewLocations;
    private final RateLimits rateLimits;
    private final Clock clock = Clock.systemUTC();

    CrewLocationController(CrewLocations crewLocations, RateLimits rateLimits) {
        this.crewLocations = crewLocations;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/api/v1/crews/me/location")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<Void> report(@Validated @RequestBody LocationReport report, Actor actor) {
        Instant now = clock.instant();
        Instant recordedAt = report.recordedAt() == null ? now : report.recordedAt();
        if (recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw Rejected.invalid("recordedAt", "recordedAt lies in the future.");
        }
        if (recordedAt.isBefore(now.minus(OLDEST_FIX))) {
            throw Rejected.invalid("recordedAt", "recordedAt lies more than " + OLDEST_FIX.toDays() + " days back.");
        }
        rateLimits.locationReport(actor);
        crewLocations.record(actor.id(), new GeoLocation(report.lat(), report.lon(), report.accuracyM()), recordedAt,
                now);
        return ResponseEntity.accepted().build();
    }
}
