package com.lineguard.command.crew;

import com.lineguard.contracts.geo.GeoLocation;

import java.util.List;

/** Who is near a place, by their last known location; {@link CrewLocations} keeps it. */
@FunctionalInterface
public interface NearbyCrews {

    /** Crew members within {@code radiusKm} of {@code center}, nearest first. */
    List<String> within(GeoLocation center, double radiusKm);
}
