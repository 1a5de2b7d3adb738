package com.lineguard.platform.security;

import java.time.Instant;
import java.util.Set;

/**
 * The signed-in user behind a request: {@code sub}, roles, and when they last signed in ({@code auth_time}, null when
 * the token does not say, which counts as not fresh).
 */
public record Actor(String id, Set<Role> roles, Instant signedInAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Dispatch and admins see alerts as they are; a crew member sees their own as {@code AlertView#evolveForOwner}. */
    public boolean seesTheWholeTruth() {
        return has(Role.DISPATCHER) || has(Role.ADMIN) || has(Role.AUDITOR);
    }
}
