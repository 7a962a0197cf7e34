package org.collapselab.experiments.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr ({@code [#####.....] 12/40 cells, 3 failed, ETA 0:23}), redrawn in place at most
 * a few times a second. Without a console (logs, CI, {@code nohup}) the same status is printed as a plain line at most
 * every {@link #LOG_SECONDS} seconds and after the last cell, so progress shows in log files too.
 */
public final class Progress {
  /** Seconds between plain status lines when there is no console. */
  public static final double LOG_SECONDS = 30;
  private final PrintStream out;
  private final boolean interactive;
  private final int total;
  private final long start = System.nanoTime();
  private int done;
  private int failed;
  private long lastDraw = System.nanoTime();

  private final double logSeconds;

  public Progress(PrintStream out, int total, boolean interactive) {
    this(out, total, interactive, LOG_SECONDS);
  }

  /** With {@code logSeconds} between plain lines when not interactive. */
  public Progress(PrintStream out, int total, boolean interactive, double logSeconds) {
    this.out = out;
    this.total = total;
    this.interactive = interactive;
    this.logSeconds = logSeconds;
  }

  /** Interactive when a console is attached. */
  public static Progress forConsole(PrintStream out, int total) {
    return new Progress(out, total, System.console() != null);
  }

  /** Records one finished cell. */
  public synchronized void step(boolean ok) {
    done++;
    if (!ok) {
      failed++;
    }
    long now = System.nanoTime();
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
    double elapsed = (System.nanoTime() - start) / 1e9;
    String eta = done == 0 ? "?" : clock(elapsed / done * (total - done));
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " cells"
        + (failed > 0 ? ", " + failed + " failed" : "") + ", elapsed " + clock(elapsed)
        + (done < total ? ", ETA " + eta : "") + "   ";
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
