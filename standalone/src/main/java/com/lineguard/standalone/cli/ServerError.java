package com.lineguard.standalone.cli;

/** The server answered, but not with what the tool asked for; the tool ends with exit code 2. */
final class ServerError extends RuntimeException {

    ServerError(String what, int status, String body) {
        super(what + " failed: HTTP " + status + (body == null || body.isBlank() ? "" : " " + body.strip()));
    }
}
