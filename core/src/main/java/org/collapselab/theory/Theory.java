package org.collapselab.theory;

import org.collapselab.problem.Problem;

/**
 * Single entry point to the deterministic equivalents: dispatches to {@link RidgeTheory} or
 * {@link RandomProjectionTheory}. Pure function of the {@link Problem}; O(d) per fixed-point evaluation.
 */
public final class Theory {
  private Theory() {}

  /** Predicted expected test error and its decomposition; throws {@link TheoryException} when undefined. */
  public static TheoryResult predict(Problem problem) {
    if (problem.syntheticSpectrum() != null) {
      throw new TheoryException("theory supports the baseline case Σ2 = Σ only; simulate a different synthetic "
          + "covariance instead");
    }
    return switch (problem.model()) {
      case RIDGE -> RidgeTheory.predict(problem);
      case RANDOM_PROJECTION -> RandomProjectionTheory.predict(problem);
    };
  }
}
