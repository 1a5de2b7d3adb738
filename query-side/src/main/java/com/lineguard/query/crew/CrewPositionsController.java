package com.lineguard.query.crew;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/v1/crews/locations} (dispatcher): where each crew member last reported being, for the console's map.
 * Dispatch already sends help to these positions; the map lets it see who is near an alert or an outage.
 */
@RestController
class CrewPositionsController {

    private final CrewPositions positions;

    CrewPositionsController(CrewPositions positions) {
        this.positions = positions;
    }

    @GetMapping("/api/v1/crews/locations")
    @PreAuthorize("hasRole('dispatcher')")
    List<CrewPositions.CrewPosition> locations() {
        return positions.all();
    }
}
