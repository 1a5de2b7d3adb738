package com.lineguard.contracts.alert;

/** Why an escalation is pushed again: nobody took it, or somebody took it and never closed it. */
public enum OverdueReason {
    /** No acknowledgement within {@code lineguard.escalation.ack-timeout}. */
    NOT_ACKNOWLEDGED,
    /** Acknowledged but not resolved within {@code lineguard.escalation.resolve-timeout}: it needs taking again. */
    NOT_RESOLVED
}
