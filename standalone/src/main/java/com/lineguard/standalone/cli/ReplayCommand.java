package com.lineguard.standalone.cli;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code replay <processor>}: rebuilds a projection from the event store beside the live one and switches it in,
 * drawing a progress bar (percent of the event store's head position) until it is done.
 */
final class ReplayCommand {

    private static final int BAR_WIDTH = 40;
    private static final Pattern FIELD = Pattern.compile("\"(state|position|head|percent|eventsPerSecond|error)\":\"?([^,\"}]*)");

    private ReplayCommand() {
    }

    static int run(CliOptions options) throws Exception {
        String processor = options.word(1);
        if (processor == null) {
            System.err.println("usage: replay <processor> [--url=http://localhost:8080] [--token=<jwt>]");
            return 2;
        }
        LineguardClient client = new LineguardClient(options, "admin");
        HttpResponse<String> started = client.post("/api/v1/admin/replay/" + processor);
        if (started.statusCode() != 202) {
            System.err.println("replay refused: " + started.statusCode() + " " + started.body());
            return 2;
        }
        while (true) {
            String status = client.get("/api/v1/admin/replay/" + processor).body();
            String state = field(status, "state");
            double percent = Double.parseDouble(field(status, "percent"));
            int filled = (int) Math.round(percent / 100 * BAR_WIDTH);
            System.out.printf(Locale.ROOT, "\r%s [%s%s] %5.1f %% %s/%s events, %s events/s %s   ", processor,
                    "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), percent, field(status, "position"),
                    field(status, "head"), Math.round(Double.parseDouble(field(status, "eventsPerSecond"))), state);
            if (state.equals("DONE")) {
                System.out.println();
                return 0;
            }
            if (state.equals("FAILED")) {
                System.out.println();
                System.err.println("replay failed: " + field(status, "error"));
                return 1;
            }
            Thread.sleep(500);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return "0";
    }
}
