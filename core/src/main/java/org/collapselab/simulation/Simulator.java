package org.collapselab.simulation;

import org.collapselab.problem.Problem;

/**
 * Samples the setting for real: draws teacher, shift, design and noise, fits the model and measures the excess risk
 * on the real distribution, for several independent runs. Placeholder being written.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Runs {@code runs} independent trials of {@code problem}; run r is seeded from ({@code seed}, r) only, so results
   * do not depend on {@code threads}.
   */
  public static SimulationResult simulate(Problem problem, int runs, long seed, int threads) {
    throw new UnsupportedOperationException("simulation not implemented yet");
  }
}
