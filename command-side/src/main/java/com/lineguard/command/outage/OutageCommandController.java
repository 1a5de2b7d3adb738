package com.lineguard.command.outage;

import com.lineguard.command.outage.OutageRequests.AssignRequest;
import com.lineguard.command.outage.OutageRequests.CloseRequest;
import com.lineguard.command.outage.OutageRequests.EtrRequest;
import com.lineguard.command.outage.OutageRequests.NoteRequest;
import com.lineguard.command.outage.OutageRequests.ReportRequest;
import com.lineguard.command.outage.OutageRequests.StatusRequest;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.outage.EtrSource;
import com.lineguard.contracts.outage.OutageCommands.AddWorkNote;
import com.lineguard.contracts.outage.OutageCommands.AssignOutage;
import com.lineguard.contracts.outage.OutageCommands.ChangeOutageStatus;
import com.lineguard.contracts.outage.OutageCommands.CloseOutage;
import com.lineguard.contracts.outage.OutageCommands.ReportOutage;
import com.lineguard.contracts.outage.OutageCommands.SetEtr;
import com.lineguard.platform.security.Actor;
import com.lineguard.platform.security.Role;
import com.lineguard.platform.web.CommandExecutor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.function.Supplier;

/** The calls that change outages (API.md "Outages"). Rules live in {@link Outage}; this only translates. */
@RestController
@RequestMapping("/api/v1/outages")
class OutageCommandController {

    private final CommandExecutor commands;
    private final OutageResponses responses;

    OutageCommandController(CommandExecutor commands, OutageResponses responses) {
        this.commands = commands;
        this.responses = responses;
    }

    /**
     * A report naming a reference already known opens nothing: like a retried request, it answers as the first report
     * did (API.md knows only 201), with the outage holding the reference.
     */
    @PostMapping
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<?> report(@Valid @RequestBody ReportRequest body, Actor actor, HttpServletRequest request) {
        return commands.execute(request, actor, () -> {
            UUID outageId = UUID.randomUUID();
            UUID holder = commands.send(new ReportOutage(outageId, body.deviceId(), body.location(),
                    body.customersAffected(), body.cause(), body.requiredSkills(), body.externalRef()), actor);
            return ResponseEntity.status(HttpStatus.CREATED).body(responses.viewFor(holder));
        });
    }

    @PostMapping("/{outageId}/assign")
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<?> assign(@PathVariable UUID outageId, @Valid @RequestBody AssignRequest body, Actor actor,
                             HttpServletRequest request) {
        return change(outageId, actor, request, new AssignOutage(outageId, actor.id(), body.crewId()), HttpStatus.OK);
    }

    @PostMapping("/{outageId}/status")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<?> changeStatus(@PathVariable UUID outageId, @Valid @RequestBody StatusRequest body, Actor actor,
                                   HttpServletRequest request) {
        return change(outageId, actor, request, new ChangeOutageStatus(outageId, actor.id(), body.status()),
                HttpStatus.OK);
    }

    @PostMapping("/{outageId}/etr")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher')")
    ResponseEntity<?> setEtr(@PathVariable UUID outageId, @Valid @RequestBody EtrRequest body, Actor actor,
                             HttpServletRequest request) {
        EtrSource source = actor.has(Role.DISPATCHER) ? EtrSource.DISPATCHER : EtrSource.CREW;
        return change(outageId, actor, request,
                new SetEtr(outageId, actor.id(), source, body.estimatedRestorationAt(), body.reason(),
                        body.confidence()), HttpStatus.OK);
    }

    @PostMapping("/{outageId}/notes")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher')")
    ResponseEntity<?> addNote(@PathVariable UUID outageId, @Valid @RequestBody NoteRequest body, Actor actor,
                              HttpServletRequest request) {
        return change(outageId, actor, request,
                new AddWorkNote(outageId, actor.id(), actor.has(Role.DISPATCHER), body.text()), HttpStatus.CREATED);
    }

    @PostMapping("/{outageId}/close")
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<?> close(@PathVariable UUID outageId, @RequestBody(required = false) CloseRequest body, Actor actor,
                            HttpServletRequest request) {
        return change(outageId, actor, request, new CloseOutage(outageId, actor.id()), HttpStatus.OK);
    }

    /** Sends {@code command} to an existing outage and answers with its view. */
    private ResponseEntity<?> change(UUID outageId, Actor actor, HttpServletRequest request, Object command,
                                     HttpStatus status) {
        return commands.execute(request, actor, () -> onOutage(outageId, () -> {
            commands.send(command, actor);
            return ResponseEntity.status(status).body(responses.viewFor(outageId));
        }));
    }

    private static ResponseEntity<?> onOutage(UUID outageId, Supplier<ResponseEntity<?>> call) {
        try {
            return call.get();
        } catch (AggregateNotFoundException e) {
            throw new Rejected(ErrorCode.OUTAGE_NOT_FOUND, "No outage " + outageId + ".");
        }
    }
}
