package com.lineguard.standalone.hostile;

/**
 * One request a hostile or broken client sends: {@code path} below /api/v1 (or from the root when it starts with
 * /dev), a content type (null: none) and a raw body. {@code expectedStatus} is the one status it must get, or 0 when
 * any 4xx will do.
 */
record HostileRequest(String what, String path, String contentType, String body, int expectedStatus) {

    static final String JSON = "application/json";

    /** Short enough to read in a failure report; the whole body is in the test's output when it matters. */
    @Override
    public String toString() {
        String shown = body == null ? "<none>" : body.length() > 300
                ? body.substring(0, 300) + "... (" + body.length() + " chars)" : body;
        return what + ": " + path + " [" + contentType + "] " + shown;
    }
}
