package com.lineguard.contracts.alert;

public enum AlertStatus {
    ARMED, CANCELLED, ESCALATED, ACKNOWLEDGED, RESOLVED;

    /** Still needs somebody's attention: counting down, or help not yet resolved. */
    public boolean isActive() {
        return this == ARMED || this == ESCALATED || this == ACKNOWLEDGED;
    }
}
