package org.collapselab.theory;

import org.collapselab.problem.Problem;

/**
 * Deterministic equivalent of the test error of ridge on m Gaussian random projections (the paper's model of a
 * width-m network) trained on a real/synthetic mixture. Placeholder: being derived.
 */
public final class RandomProjectionTheory {
  private RandomProjectionTheory() {}

  /** Predicted expected test error for a {@code RANDOM_PROJECTION} problem. */
  public static TheoryResult predict(Problem problem) {
    throw new TheoryException("random-projection theory not implemented yet");
  }
}
