package com.lineguard.standalone.cli;

import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * {@code audit export [--from=<instant>] [--to=<instant>] [--aggregate=<id>]}: the stored record as JSON Lines on
 * standard output. {@code audit verify}: checks the hash chain; exit code 0 when intact, 1 when tampered.
 */
final class AuditCommand {

    private AuditCommand() {
    }

    static int run(CliOptions options) throws Exception {
        String action = options.word(1);
        LineguardClient client = new LineguardClient(options, "auditor");
        if ("export".equals(action)) {
            HttpResponse<InputStream> response = client.stream("/api/v1/audit/export?"
                    + LineguardClient.query("from", options.option("from", null))
                    + LineguardClient.query("to", options.option("to", null))
                    + LineguardClient.query("aggregate", options.option("aggregate", null)));
            if (response.statusCode() != 200) {
                System.err.println("export failed: " + response.statusCode() + " " + new String(response.body().readAllBytes()));
                return 2;
            }
            try (InputStream lines = response.body()) {
                lines.transferTo(System.out);
            }
            System.out.flush();
            return 0;
        }
        if ("verify".equals(action)) {
            HttpResponse<String> response = client.get("/api/v1/audit/verify");
            System.out.println(response.body());
            if (response.statusCode() != 200) {
                return 2;
            }
            return response.body().contains("\"status\":\"OK\"") ? 0 : 1;
        }
        System.err.println("usage: audit export [--from=<instant>] [--to=<instant>] [--aggregate=<id>] | audit verify"
                + " [--url=http://localhost:8080] [--token=<jwt>]");
        return 2;
    }
}
