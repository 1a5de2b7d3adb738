package com.lineguard.command.crew;

import com.lineguard.command.support.DecisionClock;
import com.lineguard.contracts.crew.CrewCommands.RegisterCrew;
import com.lineguard.contracts.crew.CrewEvents.CrewRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A crew as dispatch plans with it: its name and skills. Its events are the record of who could do what, when. */
// Every aggregate shares one event store: an id of another kind must read as "not found" (see AggregateTypeFilter).
@Aggregate(filterEventsByType = true)
public class Crew {

    @AggregateIdentifier
    private String crewId;

    protected Crew() {
        // for Axon's event sourcing, and for the first registration
    }

    /** PUT semantics: the first registration creates the crew, each later one replaces name and skills. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterCrew command) {
        apply(new CrewRegistered(command.crewId(),
                command.name(), List.copyOf(command.skills()), DecisionClock.now()));
    }

    @EventSourcingHandler
    void on(CrewRegistered event) {
        crewId = event.crewId();
    }
}
