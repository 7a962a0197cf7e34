package org.collapselab.nn.loop;

import java.io.Serializable;
import java.util.Locale;
import org.collapselab.problem.Schedule;

/**
 * One arm of a neural retraining loop: which rows generation k ≥ 1 trains on ({@link Schedule}, the same
 * definition as the Gaussian loop) and the share r of every new generation's rows that is fresh real data
 * (the loop semantics: generation k draws n new rows, round(r·n) of them real, the rest produced by generation
 * k − 1).
 *
 * @param schedule replace, accumulate or accumulate-subsample
 * @param freshReal r in [0, 1)
 */
public record LoopArm(Schedule schedule, double freshReal) implements Serializable {
  public LoopArm {
    if (schedule == null || !(freshReal >= 0 && freshReal < 1)) {
      throw new IllegalArgumentException("a loop arm needs a schedule and fresh_real in [0, 1), got " + schedule
          + ", " + freshReal);
    }
  }

  /** Real rows among the n new rows of a generation k ≥ 1: round(r·n). */
  public int realRows(int n) {
    return (int) Math.round(freshReal * n);
  }

  /** A file-name-safe key, e.g. {@code replace} or {@code replace-r0.5}. */
  public String key() {
    return schedule.key() + (freshReal > 0 ? "-r" + fmt(freshReal) : "");
  }

  /** A label for figures and tables, e.g. {@code replace, r = 0.5}. */
  public String label() {
    return schedule.key() + (freshReal > 0 ? ", r = " + fmt(freshReal) : "");
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
