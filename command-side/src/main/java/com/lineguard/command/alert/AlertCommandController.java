package com.lineguard.command.alert;

import com.lineguard.command.alert.AlertRequests.AcknowledgeRequest;
import com.lineguard.command.alert.AlertRequests.CancelRequest;
import com.lineguard.command.alert.AlertRequests.EmergencyRequest;
import com.lineguard.command.alert.AlertRequests.ExtendRequest;
import com.lineguard.command.alert.AlertRequests.ResolveRequest;
import com.lineguard.command.alert.AlertRequests.TimerRequest;
import com.lineguard.contracts.alert.AlertCommands.AcknowledgeAlert;
import com.lineguard.contracts.alert.AlertCommands.ArmSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.CancelSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.ExtendSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.RaiseEmergency;
import com.lineguard.contracts.alert.AlertCommands.ReportAlertLocation;
import com.lineguard.contracts.alert.AlertCommands.ResolveAlert;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.ratelimit.RateLimits;
import com.lineguard.platform.security.Actor;
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

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/** The calls that change alerts (API.md "Safety alerts"). Rules live in {@link Alert}; this only translates. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertCommandController {

    private final CommandExecutor commands;
    private final AlertResponses responses;
    private final RateLimits rateLimits;
    private final OpenEmergencies openEmergencies;

    AlertCommandController(CommandExecutor commands, AlertResponses responses, RateLimits rateLimits,
                           OpenEmergencies openEmergencies) {
        this.commands = commands;
        this.responses = responses;
        this.rateLimits = rateLimits;
        this.openEmergencies = openEmergencies;
    }

    @PostMapping("/emergency")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<?> raiseEmergency(@Valid @RequestBody EmergencyRequest body, Actor actor,
                                     HttpServletRequest request) {
        return commands.execute(request, actor, () -> {
            rateLimits.emergency(actor, openEmergencies.anyOf(actor.id()));
            UUID alertId = UUID.randomUUID();
            commands.send(new RaiseEmergency(alertId, actor.id(), body.location(), body.note()), actor);
            return ResponseEntity.status(HttpStatus.CREATED).body(responses.viewFor(alertId, actor));
        });
    }

    @PostMapping("/timers")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<?> armTimer(@Valid @RequestBody TimerRequest body, Actor actor, HttpServletRequest request) {
        return commands.execute(request, actor, () -> {
            rateLimits.alertCreation(actor);
            UUID alertId = UUID.randomUUID();
            commands.send(new ArmSafetyTimer(alertId, actor.id(), Duration.ofSeconds(body.durationSeconds()),
                    body.location(), body.note()), actor);
            return ResponseEntity.status(HttpStatus.CREATED).body(responses.viewFor(alertId, actor));
        });
    }

    /** Dispatchers and admins may call it, and are told they are not the owner: nobody but the owner extends. */
    @PostMapping("/{alertId}/extend")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher', 'admin')")
    ResponseEntity<?> extend(@PathVariable UUID alertId, @Valid @RequestBody ExtendRequest body, Actor actor,
                             HttpServletRequest request) {
        return commands.execute(request, actor, () -> onAlert(alertId, () -> {
            commands.send(new ExtendSafetyTimer(alertId, actor.id(), actor.signedInAt(),
                    Duration.ofSeconds(body.additionalSeconds())), actor);
            return ResponseEntity.ok(responses.viewFor(alertId, actor));
        }));
    }

    @PostMapping("/{alertId}/cancel")
    @PreAuthorize("hasAnyRole('crew', 'dispatcher', 'admin')")
    ResponseEntity<?> cancel(@PathVariable UUID alertId, @Valid @RequestBody(required = false) CancelRequest body,
                             Actor actor, HttpServletRequest request) {
        boolean duress = body != null && Boolean.TRUE.equals(body.duress());
        return commands.execute(request, actor, () -> onAlert(alertId, () -> {
            commands.send(new CancelSafetyTimer(alertId, actor.id(), actor.signedInAt(), duress), actor);
            return ResponseEntity.ok(responses.viewFor(alertId, actor));
        }));
    }

    @PostMapping("/{alertId}/location")
    @PreAuthorize("hasRole('crew')")
    ResponseEntity<?> reportLocation(@PathVariable UUID alertId, @Valid @RequestBody GeoLocation body, Actor actor,
                                     HttpServletRequest request) {
        return commands.execute(request, actor, () -> onAlert(alertId, () -> {
            rateLimits.locationReport(actor);
            commands.send(new ReportAlertLocation(alertId, actor.id(), body), actor);
            return ResponseEntity.accepted().build();
        }));
    }

    @PostMapping("/{alertId}/acknowledge")
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<?> acknowledge(@PathVariable UUID alertId, @Valid @RequestBody(required = false) AcknowledgeRequest body,
                                  Actor actor, HttpServletRequest request) {
        String note = body == null ? null : body.note();
        return commands.execute(request, actor, () -> onAlert(alertId, () -> {
            commands.send(new AcknowledgeAlert(alertId, actor.id(), note), actor);
            return ResponseEntity.ok(responses.viewFor(alertId, actor));
        }));
    }

    @PostMapping("/{alertId}/resolve")
    @PreAuthorize("hasRole('dispatcher')")
    ResponseEntity<?> resolve(@PathVariable UUID alertId, @Valid @RequestBody ResolveRequest body, Actor actor,
                              HttpServletRequest request) {
        return commands.execute(request, actor, () -> onAlert(alertId, () -> {
            commands.send(new ResolveAlert(alertId, actor.id(), body.outcome(), body.note()), actor);
            return ResponseEntity.ok(responses.viewFor(alertId, actor));
        }));
    }

    private static ResponseEntity<?> onAlert(UUID alertId, Supplier<ResponseEntity<?>> call) {
        try {
            return call.get();
        } catch (AggregateNotFoundException e) {
            throw new Rejected(ErrorCode.ALERT_NOT_FOUND, "No alert " + alertId + ".");
        }
    }
}
