package com.lineguard.platform.security;

/** Roles from the token's roles claim (API.md "Identity"). */
public enum Role {
    CREW("crew"), DISPATCHER("dispatcher"), ADMIN("admin"), AUDITOR("auditor");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public String authority() {
        return "ROLE_" + claimValue;
    }
}
