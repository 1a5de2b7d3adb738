package com.lineguard.query.crew;

import com.lineguard.contracts.crew.CrewEvents.CrewRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
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
    void on(CrewRegistered event, TrackingToken token) {
        long position = token.position().orElseThrow();
        if (roster.lastEventOf(event.crewId()).filter(last -> last >= position).isPresent()) {
            return;
        }
        roster.save(new CrewRoster.CrewProfile(event.crewId(), event.name(), event.skills()), position);
    }
}
