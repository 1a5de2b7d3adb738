package com.lineguard.command.crew;

import java.util.Optional;

/** Where each crew member was last seen, as far as their phone has told us; {@link CrewLocations} keeps it. */
@FunctionalInterface
public interface LastKnownLocations {

    Optional<LocationFix> latest(String crewMemberId);
}
