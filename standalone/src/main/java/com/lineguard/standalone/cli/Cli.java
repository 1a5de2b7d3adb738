package com.lineguard.standalone.cli;

import java.util.Set;

/** The administrative subcommands of the jar: {@code audit ...} and {@code replay ...}. */
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("audit", "replay");

    private Cli() {
    }

    public static void main(String[] args) {
        CliOptions options = CliOptions.parse(args);
        int exitCode;
        try {
            exitCode = switch (options.word(0)) {
                case "audit" -> AuditCommand.run(options);
                case "replay" -> ReplayCommand.run(options);
                default -> 2;
            };
        } catch (Exception e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        }
        System.exit(exitCode);
    }
}
