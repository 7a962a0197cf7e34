package org.collapselab.experiments.run;

import java.io.PrintStream;
import java.util.Locale;
import org.collapselab.experiments.study.CellJob;

/**
 * A one-line progress bar on stderr ({@code [#####.....] 12/40 cells, 3 failed, ETA 0:23}), redrawn in place at most
 * a few times a second. Without a console (logs, CI, {@code nohup}) the same status is printed as a plain line at most
 * every {@link #LOG_SECONDS} seconds and after the last cell, so progress shows in log files too. The ETA weighs cells
 * by their {@link org.collapselab.experiments.study.CellJob#cost() cost}: elapsed time × cost left / cost done (the
 * runner starts the costliest cells first, so counting cells alone overstates the time left many times).
 */
public final class Progress {
    /** Seconds between plain status lines when there is no console. */
    public static final double LOG_SECONDS = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final int total;
    private final double totalCost;
    private final java.util.function.LongSupplier clock;
    private final long start;
    private double doneCost;
    private int done;
    private int failed;
    private long lastDraw;

    private final double logSeconds;

    /**
     * {@code total} cells of summed cost {@code totalCost}, timed by {@code clock} (nanoseconds), with
     * {@code logSeconds} between plain lines when not interactive.
     */
    Progress(
            PrintStream out,
            int total,
            double totalCost,
            boolean interactive,
            double logSeconds,
            java.util.function.LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.totalCost = totalCost;
        this.interactive = interactive;
        this.logSeconds = logSeconds;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start;
    }

    /** For the given cells; interactive when a console is attached. */
    public static Progress forConsole(PrintStream out, java.util.Collection<? extends CellJob> cells) {
        return new Progress(
                out,
                cells.size(),
                cells.stream().mapToDouble(Progress::cost).sum(),
                System.console() != null,
                LOG_SECONDS,
                System::nanoTime);
    }

    /** Records one finished cell. */
    public void step(boolean ok, CellJob cell) {
        step(ok, cost(cell));
    }

    /** Records one finished cell of the given cost. */
    synchronized void step(boolean ok, double cost) {
        done++;
        doneCost += cost;
        if (!ok) {
            failed++;
        }
        long now = clock.getAsLong();
        if (interactive && (now - lastDraw > 200_000_000L || done == total)) {
            lastDraw = now;
            out.print("\r" + line());
            out.flush();
        } else if (!interactive && out != null && done < total && now - lastDraw >= logSeconds * 1e9) {
            lastDraw = now;
            out.println(line());
            out.flush();
        }
    }

    /** Ends the bar with a newline and a final status. */
    public synchronized void finish() {
        if (out == null) {
            return;
        }
        if (interactive) {
            out.print("\r" + line() + "\n");
        } else if (total > 0) {
            out.println(line());
        }
        out.flush();
    }

    /** The current status text. */
    public synchronized String line() {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.round((double) width * done / total);
        double elapsed = (clock.getAsLong() - start) / 1e9;
        String eta = doneCost <= 0 ? "?" : clock(elapsed / doneCost * Math.max(0, totalCost - doneCost));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " cells"
                + (failed > 0 ? ", " + failed + " failed" : "") + ", elapsed " + clock(elapsed)
                + (done < total ? ", ETA " + eta : "") + "   ";
    }

    private static double cost(CellJob cell) {
        double c = cell.cost();
        return Double.isFinite(c) && c > 0 ? c : 1;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
