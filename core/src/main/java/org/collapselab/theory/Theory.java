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
    if (!problem.isBaseline()) {
      throw new TheoryException("theory covers one synthetic source with Σ2 = Σ1, σ2 = σ1, weight 1, mixing and "
          + "a single fit; simulate this problem instead");
    }
    return switch (problem.model()) {
      case RIDGE -> RidgeTheory.predict(problem);
      case RANDOM_PROJECTION -> RandomProjectionTheory.predict(problem);
    };
  }
}
