package com.lineguard.contracts.outage;

/** What a crew member is told about an outage; {@link #wireName()} is the name on {@code /stream/crew}. */
public enum CrewNotificationKind {
    ASSIGNMENT("assignment"), ETR_CHANGED("etr-changed");

    private final String wireName;

    CrewNotificationKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
