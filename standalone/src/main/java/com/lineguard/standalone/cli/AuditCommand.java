package com.lineguard.standalone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code audit export} and {@code audit verify}, as an auditor (role {@code auditor}). */
@Command(name = "audit", description = "Export the stored record or verify it.",
        subcommands = {AuditCommand.Export.class, AuditCommand.Verify.class})
final class AuditCommand implements Callable<Integer> {

    private static final String ROLE = "auditor";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: export or verify");
    }

    @Command(name = "export",
            description = "Write the stored events as JSON Lines, oldest first, one event a line.")
    static final class Export implements Callable<Integer> {

        @Mixin
        ApiOptions api;
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "<instant>", description = "Events recorded at or after this instant.")
        Instant from;
        @Option(names = "--to", paramLabel = "<instant>", description = "Events recorded at or before this instant.")
        Instant to;
        @Option(names = "--aggregate", paramLabel = "<id>", description = "Only the events of this alert or outage.")
        String aggregate;

        @Override
        public Integer call() throws Exception {
            Map<String, String> filter = new LinkedHashMap<>();
            filter.put("from", from == null ? null : from.toString());
            filter.put("to", to == null ? null : to.toString());
            filter.put("aggregate", aggregate);
            PrintWriter out = spec.commandLine().getOut();
            try (InputStream body = new LineguardClient(api, ROLE).stream("export",
                    "/api/v1/audit/export" + LineguardClient.query(filter));
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                }
            }
            out.flush();
            return LineguardCli.OK;
        }
    }

    @Command(name = "verify",
            description = "Check the event store against its hash chain; name the first event changed, removed or "
                    + "inserted.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        ApiOptions api;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode report = new LineguardClient(api, ROLE).get("verify", "/api/v1/audit/verify");
            PrintWriter out = spec.commandLine().getOut();
            boolean intact = "OK".equals(report.path("status").asText());
            out.printf("%s: %d events checked, chained up to global index %d%n", intact ? "OK" : "TAMPERED",
                    report.path("eventsChecked").asLong(), report.path("chainedUpTo").asLong());
            JsonNode problem = report.path("problem");
            if (!intact && problem.isObject()) {
                out.printf("%s: event %s at global index %d (aggregate %s, sequence %s)%n", problem.path("kind").asText(),
                        problem.path("eventId").asText(), problem.path("globalIndex").asLong(),
                        problem.path("aggregateId").asText("unknown"), problem.path("sequence").asText("unknown"));
            }
            out.flush();
            return intact ? LineguardCli.OK : LineguardCli.FAILED;
        }
    }
}
