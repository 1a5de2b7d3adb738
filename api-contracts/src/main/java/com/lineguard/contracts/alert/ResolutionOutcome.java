package com.lineguard.contracts.alert;

public enum ResolutionOutcome {
    FALSE_ALARM, ASSISTED, OTHER
}
