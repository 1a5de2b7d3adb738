package com.lineguard.standalone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code replay <processor>}: rebuilds a projection from the event store beside the live one and switches it in
 * (ADR 0008), drawing a progress bar (percent of the event store's head position) until it is done.
 */
@Command(name = "replay",
        description = "Rebuild a projection from the event store beside the live one, e.g. alert-board.")
final class ReplayCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 40;

    @Mixin
    ApiOptions api;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<processor>", description = "The projection to rebuild, e.g. alert-board.")
    String processor;

    @Option(names = "--poll-interval", defaultValue = "PT0.5S", hidden = true)
    Duration pollInterval;

    @Override
    public Integer call() throws Exception {
        LineguardClient client = new LineguardClient(api, "admin");
        String path = "/api/v1/admin/replay/" + processor;
        client.post("replay " + processor, path, 202);
        PrintWriter out = spec.commandLine().getOut();
        while (true) {
            JsonNode status = client.get("replay status of " + processor, path);
            String state = status.path("state").asText();
            out.print("\r" + progressBar(status));
            out.flush();
            if (state.equals("DONE")) {
                out.println();
                return LineguardCli.OK;
            }
            if (state.equals("FAILED")) {
                out.println();
                spec.commandLine().getErr().println("replay failed: " + status.path("error").asText());
                return LineguardCli.FAILED;
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private String progressBar(JsonNode status) {
        double percent = status.path("percent").asDouble();
        int filled = (int) Math.round(percent / 100 * BAR_WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f %% %d/%d events, %d events/s %s   ", processor,
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), percent, status.path("position").asLong(),
                status.path("head").asLong(), Math.round(status.path("eventsPerSecond").asDouble()),
                status.path("state").asText());
    }
}
