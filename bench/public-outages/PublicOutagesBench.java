import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of bench/public-outages (see README.md): seeds open outages through the API, then measures the
 * ceiling endpoint, GET /public/outages/{id} and the radius query, each for a bounded time and request count, on
 * loopback only. Run with {@code java PublicOutagesBench.java <baseUrl> [outages] [seconds] [concurrency]}.
 */
public class PublicOutagesBench {

    static final double CENTRE_LAT = 52.0;
    static final double CENTRE_LON = 5.0;
    /** Outages are spread over a square of about 100 km by 100 km around the centre. */
    static final double SPREAD_DEGREES_LAT = 0.9;
    static final double SPREAD_DEGREES_LON = 1.45;
    static final double RADIUS_KM = 5;
    static final int MAX_REQUESTS_PER_SCENARIO = 2_000_000;
    static final int ROUNDS = 4;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern OUTAGE_ID = Pattern.compile("\"outageId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int outages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        URI baseUri = URI.create(base);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(baseUri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }

        String token = devToken(base);
        List<String> ids = seed(base, token, outages);
        waitUntilPublished(base, ids.get(ids.size() - 1));

        String ceilingUrl = base + "/api/v1/public/bench/ceiling";
        Supplier<String> byId = () -> base + "/api/v1/public/outages/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        Supplier<String> radius = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return String.format(Locale.ROOT, "%s/api/v1/public/outages?lat=%.5f&lon=%.5f&radiusKm=%s", base,
                    CENTRE_LAT + (random.nextDouble() - 0.5) * SPREAD_DEGREES_LAT,
                    CENTRE_LON + (random.nextDouble() - 0.5) * SPREAD_DEGREES_LON, RADIUS_KM);
        };

        // The scenarios take turns in short rounds, so that load from elsewhere on a shared machine hits each alike.
        String[] names = {"ceiling", "by-id", "radius"};
        List<Supplier<String>> urls = List.of(() -> ceilingUrl, byId, radius);
        for (int i = 0; i < names.length; i++) {
            run(names[i] + " (warm-up)", urls.get(i), concurrency, Math.max(2, seconds / ROUNDS));
        }
        List<List<Result>> rounds = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rounds.add(new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < names.length; i++) {
                rounds.get(i).add(run(names[i], urls.get(i), concurrency, Math.max(1, seconds / ROUNDS)));
            }
        }
        List<Result> results = rounds.stream().map(PublicOutagesBench::merge).toList();
        long sampleSize = sampleRadiusSize(radius);

        System.out.printf(Locale.ROOT, "%n%d open outages, %d client threads, %d s per scenario in %d interleaved"
                        + " rounds, radius %s km (about %d outages per answer)%n%n", outages, concurrency, seconds,
                ROUNDS, RADIUS_KM, sampleSize);
        System.out.println("| call | requests | errors | requests/s | p50 ms | p99 ms | share of ceiling |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        double ceiling = results.get(0).perSecond();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.0f %% |%n", label(r.name()),
                    r.requests(), r.errors(), r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99),
                    100 * r.perSecond() / ceiling);
        }
    }

    static Result merge(List<Result> rounds) {
        long[] latencies = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
        return new Result(rounds.get(0).name(), rounds.stream().mapToLong(Result::requests).sum(),
                rounds.stream().mapToLong(Result::errors).sum(), rounds.stream().mapToDouble(Result::seconds).sum(),
                latencies);
    }

    static String label(String name) {
        return switch (name) {
            case "ceiling" -> "`GET /public/bench/ceiling` (trivial endpoint)";
            case "by-id" -> "`GET /public/outages/{id}`";
            default -> "`GET /public/outages?lat&lon&radiusKm=5`";
        };
    }

    static Result run(String name, Supplier<String> urls, int concurrency, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger budget = new AtomicInteger(MAX_REQUESTS_PER_SCENARIO);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get())).GET()
                            .timeout(Duration.ofSeconds(10)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 && errors.incrementAndGet() == 1) {
                            System.err.println(name + ": first error: HTTP " + response.statusCode());
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println(name + ": first error: " + e);
                        }
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Result result = new Result(name, merged.length, errors.get(), elapsed, merged);
        System.err.printf(Locale.ROOT, "%s: %.0f req/s, p99 %.2f ms, %d errors%n", name, result.perSecond(),
                result.percentileMillis(0.99), result.errors());
        return result;
    }

    static String devToken(String base) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"bench-dispatcher\",\"roles\":[\"dispatcher\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("dev token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    static List<String> seed(String base, String token, int count) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String body = String.format(Locale.ROOT, "{\"deviceId\":\"BENCH-%d\",\"location\":{\"lat\":%.5f,"
                                    + "\"lon\":%.5f},\"customersAffected\":%d,\"cause\":\"storm\",\"requiredSkills\":[\"LINE\"]}",
                            i, CENTRE_LAT + (random.nextDouble() - 0.5) * SPREAD_DEGREES_LAT,
                            CENTRE_LON + (random.nextDouble() - 0.5) * SPREAD_DEGREES_LON, random.nextInt(2000));
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outages"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher id = OUTAGE_ID.matcher(response.body());
                    if (response.statusCode() != 201 || !id.find()) {
                        throw new IllegalStateException("seed: " + response.statusCode() + " " + response.body());
                    }
                    ids.add(id.group(1));
                    if (ids.size() % 1000 == 0) {
                        System.err.printf("seeded %d outages%n", ids.size());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.err.printf(Locale.ROOT, "seeded %d outages in %.0f s%n", ids.size(), (System.nanoTime() - start) / 1e9);
        return new ArrayList<>(ids);
    }

    static void waitUntilPublished(String base, String lastId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/public/outages/" + lastId)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Thread.sleep(2_000); // let the projection finish the other segment too
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the public read model did not catch up in 5 minutes");
    }

    static long sampleRadiusSize(Supplier<String> radius) throws Exception {
        long total = 0;
        for (int i = 0; i < 50; i++) {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(radius.get())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            total += OUTAGE_ID.matcher(body).results().count();
        }
        return Math.round(total / 50.0);
    }
}
