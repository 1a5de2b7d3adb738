package com.lineguard.bench.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Markdown report on stdout: each figure beside its ceiling and its target. */
final class Report {

    record Run(LocalDate date, int cores, int threads, int rounds, int roundSeconds, int windowSeconds, int panicsPerSecond) {
    }

    private Report() {
    }

    static void header(Run run, double loadAtStart, MemorySampler.Peaks peaks, double loadAtEnd) {
        out("## Alert benches, %s (%d cores seen by the JVM; load average %.2f at start, %.2f–%.2f sampled during,"
                        + " %.2f at end)%n", run.date(), run.cores(), loadAtStart, peaks.loadMin(), peaks.loadMax(), loadAtEnd);
    }

    static void commands(Run run, CommandThroughput.Result commands) {
        out("%n### Commands: %d client threads, %d interleaved rounds of %d s%n%n", run.threads(), run.rounds(),
                run.roundSeconds());
        out("| load | operations | errors | per second | p50 ms | p99 ms | per-round rates |%n|---|---:|---:|---:|---:|---:|---|%n");
        row("HTTP commands (arm, cancel, emergency)", commands.commands(), commands.commandRoundRates());
        row("JDBC single-row insert + commit (ceiling)", commands.inserts(), commands.insertRoundRates());
        out("%nCommands/s as a share of the ceiling: **%.0f %%** (target ≥ 50 %% and ≥ 1,000 commands/s: %s).%n%n",
                100 * commands.share(), verdict(commands.commands().perSecond() >= 1000 && commands.share() >= 0.5));
        CommandThroughput.Round http = commands.commands();
        out("The server used %.1f ms of CPU per command (%.2f of the machine's cores while commands ran; while the"
                        + " ceiling ran it used %.2f cores, for its background work).%n%n",
                (double) http.serverCpuMillis() / http.operations(), http.serverCpuMillis() / 1000.0 / http.seconds(),
                commands.inserts().serverCpuMillis() / 1000.0 / commands.inserts().seconds());
        out("| call | count | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n");
        for (Distribution d : List.of(commands.arm(), commands.cancel(), commands.emergency())) {
            distribution(d);
        }
    }

    static void panic(Run run, PanicLatency.Result panic) {
        out("%n### Panic button: %d/s for its duration, under %d arm + cancel commands/s%n%n", run.panicsPerSecond(),
                panic.backgroundTarget());
        out("Background load achieved %.0f commands/s (%d errors; %d pairs skipped because %d were in flight already);"
                        + " %d emergencies answered (%d errors); not seen on the stream: %d, not seen on Kafka: %d.%n%n",
                panic.backgroundRate(), panic.backgroundErrors(), panic.backgroundSkipped(),
                PanicLatency.MAX_PAIRS_IN_FLIGHT, panic.panics(), panic.panicErrors(), panic.missedStream(),
                panic.missedKafka());
        out("| from `POST /alerts/emergency` sent to | count | p50 ms | p99 ms | max ms | target | met |%n"
                + "|---|---:|---:|---:|---:|---|---|%n");
        target(panic.panicResponse(), "—", true);
        target(panic.toDispatchStream(), "p99 < 250 ms", panic.toDispatchStream().percentileMillis(0.99) < 250);
        target(panic.toKafka(), "p99 < 500 ms", panic.toKafka().percentileMillis(0.99) < 500);
    }

    static void deadlines(Run run, DeadlineLateness.Result deadlines) {
        out("%n### Safety-timer lateness: %,d timers due within %d s%n%n", deadlines.timers(), run.windowSeconds());
        out("Armed in %.1f s (%.0f/s, %d errors, %d armed with the minimum duration because arming fell behind);"
                        + " the first was due %.1f s after the last was armed. Escalations missing after the bound: %d.%n%n",
                deadlines.armSeconds(), deadlines.timers() / deadlines.armSeconds(), deadlines.armErrors(),
                deadlines.squeezed(), deadlines.leadAfterArmingSeconds(), deadlines.missed());
        out("| scheduler | timers | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n");
        distribution(deadlines.lateness());
        distribution(deadlines.ceiling());
        out("%nTarget p99 < 1 s: %s.%n", verdict(deadlines.lateness().percentileMillis(0.99) < 1000
                && deadlines.missed() == 0));
    }

    static void failed(String part, Exception e) {
        out("%n### %s: failed%n%n%s%n", part, e);
    }

    static void memory(MemorySampler.Peaks peaks) {
        out("%n### Memory of the server (%d samples, one a second, over all of the above)%n%n", peaks.samples());
        out("| peak heap in use | heap max | peak RSS sampled | peak RSS (VmHWM, whole life) |%n|---:|---:|---:|---:|%n");
        out("| %d MiB | %d MiB | %d MiB | %d MiB |%n", mib(peaks.heapBytes()), mib(peaks.heapMaxBytes()),
                mib(peaks.rssBytes()), mib(peaks.rssHighWaterBytes()));
    }

    private static void row(String name, CommandThroughput.Round round, List<Double> rates) {
        Distribution latencies = Distribution.of(name, round.latenciesMicros());
        out("| %s | %d | %d | %.0f | %.1f | %.1f | %s |%n", name, round.operations(), round.errors(), round.perSecond(),
                latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(", ")));
    }

    private static void distribution(Distribution d) {
        out("| %s | %d | %.1f | %.1f | %.1f |%n", d.name(), d.count(), d.percentileMillis(0.5),
                d.percentileMillis(0.99), d.maxMillis());
    }

    private static void target(Distribution d, String target, boolean met) {
        out("| %s | %d | %.1f | %.1f | %.1f | %s | %s |%n", d.name(), d.count(), d.percentileMillis(0.5),
                d.percentileMillis(0.99), d.maxMillis(), target, target.equals("—") ? "" : verdict(met));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }
}
