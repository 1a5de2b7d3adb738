package com.lineguard.bench.alerts;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alert benches of docs/performance.md against one running standalone (see README.md): command throughput beside
 * raw JDBC inserts, panic button latency to the dispatch stream and to Kafka under background load, safety-timer
 * lateness beside an in-memory scheduler, and the server's peak heap and RSS throughout. Prints a Markdown report on
 * stdout and writes the plots.
 */
public final class AlertsBench {

    public static void main(String[] args) {
        try {
            boolean everyPartRan = run(options(args));
            System.exit(everyPartRan ? 0 : 2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the parts asked for and prints the report; false if one of them failed (the report says which). */
    private static boolean run(Map<String, String> options) throws Exception {
        Lineguard lineguard = new Lineguard(options.getOrDefault("base", "http://127.0.0.1:8080"));
        Database database = new Database(options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""));
        String kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        long serverPid = Long.parseLong(options.get("server-pid"));
        File plots = new File(options.getOrDefault("plots", "docs/perf"));
        int threads = intOption(options, "threads", 16);
        int rounds = intOption(options, "rounds", 4);
        int roundSeconds = intOption(options, "round-s", 15);
        int warmUpSeconds = intOption(options, "warmup-s", 60);
        int timers = intOption(options, "timers", 10_000);
        int windowSeconds = intOption(options, "window-s", 60);
        int panicsPerSecond = intOption(options, "panics-per-s", 5);
        int panicSeconds = intOption(options, "panic-s", 60);
        List<Integer> backgroundRates = Arrays.stream(options.getOrDefault("background-per-s", "200,0").split(","))
                .map(Integer::parseInt).toList();

        Set<String> parts = Set.of(options.getOrDefault("parts", "commands,panic,deadlines").split(","));
        Report.Run run = new Report.Run(LocalDate.now(), Runtime.getRuntime().availableProcessors(), threads, rounds,
                roundSeconds, windowSeconds, panicsPerSecond);

        double loadAtStart = MemorySampler.loadAverage();
        MemorySampler memory = new MemorySampler(lineguard, serverPid);
        memory.start();
        CommandThroughput.Result commands = null;
        List<PanicLatency.Result> panics = new ArrayList<>();
        DeadlineLateness.Result deadlines = null;
        Map<String, Exception> failures = new LinkedHashMap<>();
        if (parts.contains("commands")) {
            try {
                commands = new CommandThroughput(lineguard, database, threads, serverPid).run(warmUpSeconds, rounds, roundSeconds);
                CdfPlot.write(new File(plots, "command-latency.png"), String.format(Locale.ROOT,
                                "Command latency, %d client threads back to back, beside JDBC single-row insert commits",
                                threads), List.of(commands.arm(), commands.cancel(), commands.emergency(),
                                Distribution.of("JDBC insert + commit (ceiling)", commands.inserts().latenciesMicros())),
                        0);
            } catch (Exception e) {
                failures.put("Commands", e);
            }
        }
        if (parts.contains("panic")) {
            try {
                List<Distribution> lines = new ArrayList<>();
                for (int backgroundRate : backgroundRates) {
                    PanicLatency.Result panic = new PanicLatency(lineguard, kafka)
                            .run(panicsPerSecond, panicSeconds, backgroundRate);
                    panics.add(panic);
                    lines.addAll(List.of(panic.toDispatchStream(), panic.toKafka()));
                }
                lines.add(panics.get(0).panicResponse());
                CdfPlot.write(new File(plots, "panic-latency.png"),
                        "Panic button latency under background arm + cancel load (POST sent to event received)",
                        lines, 250);
            } catch (Exception e) {
                failures.put("Panic button", e);
            }
        }
        if (parts.contains("deadlines")) {
            try {
                // Arming must end before the first timer is due: 1.5 times the time it takes at the command rate.
                int leadSeconds = options.containsKey("lead-s") ? intOption(options, "lead-s", 60)
                        : commands == null ? 120
                        : (int) Math.min(300, Math.max(30, 1.5 * timers / commands.commands().perSecond()));
                deadlines = new DeadlineLateness(lineguard, database).run(timers, windowSeconds, leadSeconds, 60);
                CdfPlot.write(new File(plots, "deadline-lateness.png"), String.format(Locale.ROOT,
                                "Safety-timer lateness, %,d timers due within %d s (due time to stored escalation)",
                                deadlines.timers(), windowSeconds),
                        List.of(deadlines.lateness(), deadlines.ceiling()), 1000);
            } catch (Exception e) {
                failures.put("Safety-timer lateness", e);
            }
        }
        MemorySampler.Peaks peaks = memory.stop();

        Report.header(run, loadAtStart, peaks, MemorySampler.loadAverage());
        if (commands != null) {
            Report.commands(run, commands);
        }
        for (PanicLatency.Result panic : panics) {
            Report.panic(run, panic);
        }
        if (deadlines != null) {
            Report.deadlines(run, deadlines);
        }
        failures.forEach(Report::failed);
        Report.memory(peaks);
        return failures.isEmpty();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("server-pid")) {
            throw new IllegalArgumentException("--server-pid (the standalone's process id) is required");
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }
}
