package com.lineguard.bench.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Part 4: the server's heap in use (the sum of {@code jvm_memory_used_bytes{area="heap"}} on
 * {@code /actuator/prometheus}) and its resident set ({@code VmRSS} of {@code /proc/PID/status}), sampled every
 * second; the peak RSS is the kernel's own high-water mark {@code VmHWM}. Also the machine's load average.
 */
final class MemorySampler {

    record Peaks(long heapBytes, long heapMaxBytes, long rssBytes, long rssHighWaterBytes, double loadMin,
                 double loadMax, int samples) {
    }

    private final Lineguard lineguard;
    private final long serverPid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private volatile long peakHeap;
    private volatile long heapMax;
    private volatile long peakRss;
    private volatile double loadMin = Double.MAX_VALUE;
    private volatile double loadMax;
    private volatile int samples;

    MemorySampler(Lineguard lineguard, long serverPid) {
        this.lineguard = lineguard;
        this.serverPid = serverPid;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    Peaks stop() throws Exception {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        return new Peaks(peakHeap, heapMax, peakRss, processStatus("VmHWM:"), loadMin, loadMax, samples);
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private void sample() {
        try {
            long heap = 0;
            long max = 0;
            for (String line : lineguard.get("/actuator/prometheus").split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                    max += Math.max(0, value(line));
                }
            }
            peakHeap = Math.max(peakHeap, heap);
            heapMax = max;
            peakRss = Math.max(peakRss, processStatus("VmRSS:"));
            double load = loadAverage();
            loadMin = Math.min(loadMin, load);
            loadMax = Math.max(loadMax, load);
            samples++;
        } catch (Exception e) {
            Progress.say("memory sample: %s", e);
        }
    }

    private static long value(String prometheusLine) {
        return (long) Double.parseDouble(prometheusLine.substring(prometheusLine.lastIndexOf(' ') + 1));
    }

    /** A "kB" line of /proc/PID/status, in bytes. */
    private long processStatus(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }
}
