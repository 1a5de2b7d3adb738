package com.lineguard.contracts.error;

/** A request the domain refuses; nothing was changed. Rendered as a problem response with {@link #code()}. */
public class Rejected extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public Rejected(ErrorCode code, String detail) {
        this(code, null, detail);
    }

    private Rejected(ErrorCode code, String field, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** Input that is well-formed but out of range; {@code field} names it in the problem's {@code errors}. */
    public static Rejected invalid(String field, String detail) {
        return new Rejected(ErrorCode.VALIDATION_FAILED, field, detail);
    }

    /** The offending input field, for {@link ErrorCode#VALIDATION_FAILED}; null otherwise. */
    public String field() {
        return field;
    }

    public ErrorCode code() {
        return code;
    }
}
