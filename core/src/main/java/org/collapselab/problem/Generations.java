package org.collapselab.problem;

import org.collapselab.validation.ParameterException;

/**
 * A retraining loop on top of the single-step problem (issue "generations"). Generation 0 is the single-step model.
 * Generation k ≥ 1 draws n fresh rows x ~ N(0, Σ1): round(freshReal·n) real (labels xᵀw1 + σε), the rest labelled by
 * the previous generation's predictor (xᵀŵ_{k−1} + σε); which rows it trains on is the {@link Schedule}. Random
 * projections draw a fresh S every generation. The error of generation k is ‖ŵ_k − w1‖²_Σ1.
 *
 * @param count number of generations K after generation 0 (0 = the single-step model)
 * @param schedule replace, accumulate or accumulate-subsample
 * @param freshReal share r of real rows among each generation's fresh rows, in [0, 1]
 */
public record Generations(int count, Schedule schedule, double freshReal) implements java.io.Serializable {
  /** Largest K accepted. */
  public static final int MAX_COUNT = 10_000;

  /** No retraining loop: the single-step model. */
  public static final Generations NONE = new Generations(0, Schedule.REPLACE, 0);

  public Generations {
    if (count < 0 || count > MAX_COUNT) {
      throw new ParameterException("generations", count, "an integer in [0, " + MAX_COUNT + "]");
    }
    if (schedule == null) {
      throw new ParameterException("schedule", null, "one of replace, accumulate, accumulate-subsample");
    }
    if (!(freshReal >= 0 && freshReal <= 1)) {
      throw new ParameterException("freshReal", freshReal, "in [0, 1]");
    }
  }

  /** True when there is at least one generation after generation 0. */
  public boolean looping() {
    return count > 0;
  }
}
