package com.lineguard.command.crew;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.security.Actor;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** {@code POST /crews/me/location}: where a crew member is, for escalations and nearby-crew alerts. */
@RestController
class CrewLocationController {

    private final CrewLocations crewLocations;
    private final Clock clock = Clock.systemUTC();

    CrewLocationController(CrewLocations crewLocations) {
        this.crewLocations = crewLocations;
    }

    @PostMapping("/api/v1/crews/me/location")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<Void> report(@Valid @RequestBody GeoLocation location, Actor actor) {
        Instant now = clock.instant();
        crewLocations.record(actor.id(), location, now, now);
        return ResponseEntity.accepted().build();
    }
}
