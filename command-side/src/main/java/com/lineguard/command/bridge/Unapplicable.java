package com.lineguard.command.bridge;

/**
 * A legacy message that can never be applied as it is (not a CloudEvent, unknown type, invalid data, refused by the
 * domain): it is parked on the DLQ with {@link #code()} and the detail, and the consumer moves on.
 */
class Unapplicable extends RuntimeException {

    static final String MALFORMED_MESSAGE = "MALFORMED_MESSAGE";
    static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    /** Applying it failed for a reason that retrying cannot cure (a defect, not the database or broker away). */
    static final String APPLY_FAILED = "APPLY_FAILED";

    private final String code;

    Unapplicable(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
