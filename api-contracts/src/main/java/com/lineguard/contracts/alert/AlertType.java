package com.lineguard.contracts.alert;

public enum AlertType {
    /** The panic button: help at once. */
    EMERGENCY,
    /** A safety countdown: "if I have not cancelled this in N minutes, send help". */
    TIMER
}
