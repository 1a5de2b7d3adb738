import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load on a running Lineguard: {@code crews} crew members report their location at {@code rate} requests/s
 * in total for {@code seconds}, then the same rate against a trivial endpoint of the same server (the ceiling).
 * Loopback only, bounded in count and time.
 *
 * Usage: java LocationLoad.java http://localhost:8080 10000 330 60
 */
public class LocationLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int crews = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();

        System.out.printf("minting %d dev tokens...%n", crews);
        String[] tokens = new String[crews];
        for (int i = 0; i < crews; i++) {
            String body = "{\"sub\":\"bench-crew-" + i + "\",\"roles\":[\"crew\"]}";
            String response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            tokens[i] = response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        }

        Result ceiling = run(http, rate, seconds / 2, i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET().build());
        Result reports = run(http, rate, seconds, i -> {
            double lat = 52.0 + (i % 1000) / 10000.0;
            double lon = 4.0 + (i % 777) / 10000.0;
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/crews/me/location"))
                    .header("Authorization", "Bearer " + tokens[i % crews])
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"lat\":" + lat + ",\"lon\":" + lon + ",\"accuracyM\":8}"))
                    .build();
        });
        System.out.println();
        System.out.println("| load | target/s | achieved/s | ok | errors | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println(ceiling.row("GET /actuator/health/liveness (ceiling)", rate));
        System.out.println(reports.row("POST /crews/me/location", rate));
    }

    interface Requests {
        HttpRequest nth(int i);
    }

    record Result(int ok, int errors, double seconds, long[] latenciesMicros) {
        String row(String name, int rate) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format("| %s | %d | %.0f | %d | %d | %.1f | %.1f | %.1f |", name, rate, ok / seconds, ok, errors,
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }

    static Result run(HttpClient http, int rate, int seconds, Requests requests) throws InterruptedException {
        int total = rate * seconds;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            long t0 = System.nanoTime();
            http.sendAsync(requests.nth(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.add((System.nanoTime() - t0) / 1000);
                if (failure == null && response.statusCode() < 300) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
            });
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 30);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        pacer.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>(latencies);
        return new Result(ok.get(), errors.get() + (total - done.get()), elapsed,
                all.stream().mapToLong(Long::longValue).toArray());
    }
}
