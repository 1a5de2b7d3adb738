package com.lineguard.query.crew;

import com.lineguard.contracts.crew.CrewEvents.CrewRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Keeps {@link CrewRoster}; a redelivered event is recognised by its position and ignored. */
@Component
@ProcessingGroup(CrewRosterProjection.PROCESSOR)
public class CrewRosterProjection {

    public static final String PROCESSOR = "crew-roster";

    private final CrewRoster roster;

    CrewRosterProjection(CrewRoster roster) {
        this.roster = roster;
    }

    @EventHandler
    void on(CrewRegistered event, @SequenceNumber long sequence) {
        if (roster.lastSequenceOf(event.crewId()).filter(last -> last >= sequence).isPresent()) {
            return;
        }
        roster.save(new CrewRoster.CrewProfile(event.crewId(), event.name(), event.skills()), sequence);
    }
}
