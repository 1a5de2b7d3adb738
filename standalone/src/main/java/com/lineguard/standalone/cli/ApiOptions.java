package com.lineguard.standalone.cli;

import picocli.CommandLine.Option;

/** Where the running Lineguard is and who the tool is to it; shared by every tool that calls the API. */
final class ApiOptions {

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "<url>",
            description = "Lineguard's base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", defaultValue = "${env:LINEGUARD_TOKEN}", paramLabel = "<jwt>",
            description = "Bearer token (default: $LINEGUARD_TOKEN; unset: a dev token from a standalone).")
    String token;
}
