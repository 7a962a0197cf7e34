package org.collapselab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of one long computation of a command (a retraining-loop simulation, the advisor's search) on stderr:
 * nothing during the first {@link #QUIET_SECONDS} s, then one line every {@link #EVERY_SECONDS} s, e.g.
 * {@code collapselab simulate: 1200 of 20002 generation fits, 15 s, about 3 min left}. Thread-safe; a quick
 * computation prints nothing, so its output stays exactly as before.
 */
final class ProgressLine {
    /** Seconds before the first line. */
    static final double QUIET_SECONDS = 3;
    /** Seconds between lines. */
    static final double EVERY_SECONDS = 10;

    private final PrintWriter err;
    private final String prefix;
    private final String unit;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long next;
    private long done;

    /** {@code total} steps of {@code unit} (or -1 when the count is not known in advance). */
    ProgressLine(PrintWriter err, String command, String unit, long total) {
        this(err, command, unit, total, System::nanoTime);
    }

    ProgressLine(PrintWriter err, String command, String unit, long total, LongSupplier clock) {
        this.err = err;
        this.prefix = "collapselab " + command + ": ";
        this.unit = unit;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.next = start + (long) (QUIET_SECONDS * 1e9);
    }

    /** One step done. */
    synchronized void step() {
        done++;
        long now = clock.getAsLong();
        if (now < next) {
            return;
        }
        next = now + (long) (EVERY_SECONDS * 1e9);
        double seconds = (now - start) / 1e9;
        String left = "";
        if (total > 0 && done < total) {
            left = ", about " + duration(seconds * (total - done) / done) + " left";
        }
        err.println(prefix + done + (total > 0 ? " of " + total : "") + " " + unit + ", " + duration(seconds) + left);
        err.flush();
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
