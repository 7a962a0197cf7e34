package org.collapselab.experiments.diagnose;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time of the current thread per phase (wall time on a shared machine says little about the work). */
final class Stopwatch {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Double> laps = new LinkedHashMap<>();
    private long last = now();

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Records the CPU seconds since the previous lap under {@code name}. */
    void lap(String name) {
        long t = now();
        laps.put(name, (t - last) / 1e9);
        last = t;
    }

    /** The laps, in order. */
    Map<String, Double> laps() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(laps));
    }
}
