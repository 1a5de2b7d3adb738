package com.lineguard.contracts.alert;

public enum EscalationReason {
    EMERGENCY, TIMER_EXPIRED, DURESS
}
