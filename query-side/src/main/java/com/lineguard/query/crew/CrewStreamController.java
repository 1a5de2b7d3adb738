package com.lineguard.query.crew;

import com.lineguard.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class CrewStreamController {

    private final CrewStream stream;

    CrewStreamController(CrewStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/stream/crew", produces = "text/event-stream")
    @PreAuthorize("hasRole('crew')")
    SseEmitter crewStream(Actor actor, @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream.subscribe(actor.id(), lastEventId);
    }
}
