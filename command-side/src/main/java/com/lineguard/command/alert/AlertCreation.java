package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertCommands.ArmSafetyTimer;
import com.lineguard.contracts.alert.AlertCommands.RaiseEmergency;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Starts alerts. Arming needs a check across alerts (one armed timer per crew member), so it lives outside one. */
@Component
public class AlertCreation {

    private final Repository<Alert> alerts;
    private final TimerClaims timerClaims;
    private final TimerPolicy timerPolicy;

    public AlertCreation(Repository<Alert> alerts, TimerClaims timerClaims, TimerPolicy timerPolicy) {
        this.alerts = alerts;
        this.timerClaims = timerClaims;
        this.timerPolicy = timerPolicy;
    }

    @CommandHandler
    void handle(RaiseEmergency command) throws Exception {
        alerts.newInstance(() -> Alert.raiseEmergency(command.alertId(), command.crewMemberId(), command.location(),
                command.note()));
    }

    /** The deadline manager is a handler parameter, as in {@link Alert}'s handlers, so Axon supplies its own. */
    @CommandHandler
    void handle(ArmSafetyTimer command, DeadlineManager deadlines) throws Exception {
        Instant armedAt = Alert.now();
        Instant dueAt = timerPolicy.dueAt(armedAt, command.duration());
        if (!timerClaims.claim(command.crewMemberId(), command.alertId())) {
            throw new Rejected(ErrorCode.TIMER_ALREADY_ARMED, "You already have an armed safety timer.");
        }
        alerts.newInstance(() -> Alert.armTimer(command.alertId(), command.crewMemberId(), armedAt, dueAt,
                command.location(), command.note(), timerPolicy, deadlines));
    }
}
