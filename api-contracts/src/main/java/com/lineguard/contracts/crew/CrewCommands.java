package com.lineguard.contracts.crew;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What an admin keeps about a crew; {@code crewId} is the crew member's {@code sub}. */
public final class CrewCommands {

    private CrewCommands() {
    }

    /** Creates the crew or replaces its name and skills (PUT). */
    public record RegisterCrew(@TargetAggregateIdentifier String crewId, String name, List<String> skills) {
    }
}
