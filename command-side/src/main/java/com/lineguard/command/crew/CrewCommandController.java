package com.lineguard.command.crew;

import com.lineguard.contracts.crew.CrewCommands.RegisterCrew;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.Actor;
import com.lineguard.platform.web.CommandExecutor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code PUT /crews/{crewId}}: an admin keeps each crew's name and skills, which crew suggestions rank by. */
@RestController
class CrewCommandController {

    record CrewRequest(@NotBlank @Size(max = 200) String name,
                       @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> skills) {
    }

    record CrewResponse(String crewId, String name, List<String> skills) {
    }

    private final CommandExecutor commands;

    CrewCommandController(CommandExecutor commands) {
        this.commands = commands;
    }

    @PutMapping("/api/v1/crews/{crewId}")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<?> register(@PathVariable String crewId, @Valid @RequestBody CrewRequest body, Actor actor,
                               HttpServletRequest request) {
        if (crewId.isBlank() || crewId.length() > 255) {
            throw Rejected.invalid("crewId", "crewId must be 1 to 255 characters.");
        }
        return commands.execute(request, actor, () -> {
            commands.send(new RegisterCrew(crewId, body.name(), body.skills()), actor);
            return ResponseEntity.ok(new CrewResponse(crewId, body.name(), body.skills()));
        });
    }
}
