package com.lineguard.command.crew;

import com.lineguard.contracts.geo.GeoLocation;

import java.time.Instant;

/** A position and when the device took it. */
public record LocationFix(GeoLocation location, Instant recordedAt) {

    public boolean isNewerThan(LocationFix other) {
        return other == null || recordedAt.isAfter(other.recordedAt);
    }
}
