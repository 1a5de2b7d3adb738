package com.lineguard.contracts.error;

/** The stable {@code code} values of API.md problem responses, each with the HTTP status it is sent with. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_OWNER(403),
    NOT_ASSIGNED(403),
    REAUTH_REQUIRED(403),
    NOT_FOUND(404),
    ALERT_NOT_FOUND(404),
    OUTAGE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    TIMER_ALREADY_ARMED(409),
    NOT_ARMED(409),
    ALREADY_ESCALATED(409),
    ALERT_CLOSED(409),
    NOT_ESCALATED(409),
    OUTAGE_CLOSED(409),
    INVALID_TRANSITION(409),
    NOT_RESTORED(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
