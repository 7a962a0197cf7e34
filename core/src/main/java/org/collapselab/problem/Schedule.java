package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * What generation k ≥ 1 of a retraining loop trains on. {@code REPLACE}: its own n fresh rows. {@code ACCUMULATE}:
 * all rows of generations 0..k with the labels they were given then. {@code ACCUMULATE_SUBSAMPLE}: n rows drawn
 * uniformly without replacement from all rows so far.
 */
public enum Schedule {
  REPLACE, ACCUMULATE, ACCUMULATE_SUBSAMPLE;

  /** The flag value, e.g. {@code accumulate-subsample}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a flag value; errors name the field {@code schedule}. */
  public static Schedule parse(String s) {
    for (Schedule e : values()) {
      if (e.key().equals(s)) {
        return e;
      }
    }
    throw new ParameterException("schedule", s, "one of replace, accumulate, accumulate-subsample");
  }
}
