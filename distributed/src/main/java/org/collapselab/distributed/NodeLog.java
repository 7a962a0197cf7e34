package org.collapselab.distributed;

import com.hazelcast.logging.AbstractLogger;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LoggerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * What a cluster node says about refused input, one line each on stderr: a job whose signature does not verify, and
 * (as Hazelcast's logger, {@code hazelcast.logging.class}) an object whose class the serialisation filter refused.
 * Hazelcast's other log output is dropped, as with its {@code none} logger. Lines of a kind are throttled to one per
 * {@link #LINE_MILLIS}, each with the count so far, so a flood of refused input cannot flood the log.
 */
public final class NodeLog implements LoggerFactory {
    /** At most one line of a kind per this many milliseconds. */
    static final long LINE_MILLIS = 10_000;

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> LAST_LINE = new ConcurrentHashMap<>();

    /** Makes Hazelcast log through this class in this JVM, unless another logger was chosen explicitly. */
    static void install() {
        if (System.getProperty("hazelcast.logging.class") == null) {
            System.setProperty("hazelcast.logging.class", NodeLog.class.getName());
        }
    }

    /** Counts a refusal of {@code kind} and prints {@code line} with the count, unless a line of that kind was recent. */
    static void refused(String kind, String line) {
        long n = COUNTS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        AtomicLong last = LAST_LINE.computeIfAbsent(kind, k -> new AtomicLong());
        long now = System.currentTimeMillis();
        long then = last.get();
        if ((then == 0 || now - then >= LINE_MILLIS) && last.compareAndSet(then, now)) {
            System.err.println("collapselab cluster: " + line + "; nothing was run (" + n + " refused so far)");
        }
    }

    /** Refusals of {@code kind} counted in this JVM. */
    static long count(String kind) {
        AtomicLong n = COUNTS.get(kind);
        return n == null ? 0 : n.get();
    }

    @Override
    public ILogger getLogger(String name) {
        return new RefusalLogger();
    }

    /** Keeps only the serialisation filter's refusals. */
    private static final class RefusalLogger extends AbstractLogger {
        @Override
        public void log(Level level, String message) {
            // dropped
        }

        @Override
        public void log(Level level, String message, Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SecurityException
                        && t.getMessage() != null
                        && t.getMessage().startsWith("Resolving class")) {
                    String cls = t.getMessage()
                            .replaceFirst("^Resolving class (.*) is not allowed\\.?$", "$1")
                            .replaceAll("[^A-Za-z0-9.$_\\[;]", "?");
                    refused(
                            "class",
                            "refused an object of class " + (cls.length() > 120 ? cls.substring(0, 120) + "..." : cls)
                                    + " from the network (only signed Collapse Lab jobs are accepted)");
                    return;
                }
            }
        }

        @Override
        public void log(LogEvent event) {
            log(
                    event.getLogRecord().getLevel(),
                    event.getLogRecord().getMessage(),
                    event.getLogRecord().getThrown());
        }

        @Override
        public Level getLevel() {
            return Level.WARNING;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.intValue() >= Level.WARNING.intValue();
        }
    }
}
