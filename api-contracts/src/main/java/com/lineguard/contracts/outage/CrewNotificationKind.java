package com.lineguard.contracts.outage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What a crew member is told about an outage; {@link #wireName()} is its name on {@code /stream/crew} and in JSON. */
public enum CrewNotificationKind {
    ASSIGNMENT("assignment"), ETR_CHANGED("etr-changed");

    private final String wireName;

    CrewNotificationKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Reads the wire name, and the constant's name that events stored before it was the JSON form carry. */
    @JsonCreator
    public static CrewNotificationKind of(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name) || kind.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown crew notification kind " + name));
    }
}
