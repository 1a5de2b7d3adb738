package com.lineguard.contracts.crew;

import java.time.Instant;
import java.util.List;

public final class CrewEvents {

    private CrewEvents() {
    }

    public sealed interface CrewEvent {
        String crewId();

        Instant at();
    }

    /** The crew's name and skills as of {@code at}; each one replaces the previous. */
    public record CrewRegistered(String crewId, String name, List<String> skills, Instant at) implements CrewEvent {
    }
}
