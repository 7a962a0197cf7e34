package org.collapselab.data;

import org.collapselab.problem.Problem;
import org.collapselab.validation.ParameterException;

/**
 * Size limits of what simulation allocates (an n×d design, an m×d projection). Theory accepts far larger n and m
 * ({@link Problem#MAX_SIZE}); these limits only apply where rows are really drawn.
 */
public final class SimulationLimits {
  /** Largest n or m that simulation draws. */
  public static final int MAX_ROWS = 1 << 24;

  private SimulationLimits() {}

  /** The problem's n as an int, after checking that it (and m) can be simulated. */
  public static int rows(Problem problem) {
    if (problem.n() > MAX_ROWS) {
      throw new ParameterException("n", problem.n(), "an integer in [1, " + MAX_ROWS + "] for simulation");
    }
    if (problem.m() > MAX_ROWS) {
      throw new ParameterException("m", problem.m(), "an integer in [1, " + MAX_ROWS + "] for simulation");
    }
    return (int) problem.n();
  }

  /** The problem's m as an int (0 for ridge), after the same check. */
  public static int width(Problem problem) {
    rows(problem);
    return (int) problem.m();
  }
}
