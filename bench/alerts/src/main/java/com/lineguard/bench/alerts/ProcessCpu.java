package com.lineguard.bench.alerts;

import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used so far (user + system, from /proc/PID/stat), in milliseconds. */
final class ProcessCpu {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final int MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (Exception e) {
            return -1;
        }
    }
}
