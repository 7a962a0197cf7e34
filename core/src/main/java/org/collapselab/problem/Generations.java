package org.collapselab.problem;

import org.collapselab.validation.ParameterException;

/**
 * A retraining loop on top of the single-step problem (issue "generations"). Generation 0 is the single-step model.
 * Generation k ≥ 1 draws n_k = round(n·g^k) fresh rows x ~ N(0, Σ1) (g = growth, 1 by default: Yang, Feng et al.,
 * <i>Spend Wisely</i>, NeurIPS 2025): round(freshReal·n_k) real (labels xᵀw1 + σε), the rest labelled by the previous
 * generation's predictor corrected toward the truth with strength γ, xᵀ(w1 + (1 − γ)(ŵ_{k−1} − w1)) + σε (γ = 0 by
 * default; Gillman et al., <i>Self-Correcting Self-Consuming Loops for Generative Model Training</i>, ICML 2024); a
 * verifier of the problem filters those rows each generation. Which rows it trains on is the {@link Schedule}. Random
 * projections draw a fresh S every generation. The error of generation k is ‖ŵ_k − w1‖²_Σ1.
 *
 * @param count number of generations K after generation 0 (0 = the single-step model)
 * @param schedule replace, accumulate or accumulate-subsample
 * @param freshReal share r of real rows among each generation's fresh rows, in [0, 1]
 * @param growth g &gt; 0: generation k draws round(n·g^k) rows (1 = n every generation)
 * @param correction γ ∈ [0, 1]: synthetic labels come from w1 + (1 − γ)(ŵ_{k−1} − w1) (0 = no correction)
 */
public record Generations(int count, Schedule schedule, double freshReal, double growth, double correction)
        implements java.io.Serializable {
    /** Largest K accepted. */
    public static final int MAX_COUNT = 10_000;

    /** No retraining loop: the single-step model. */
    public static final Generations NONE = new Generations(0, Schedule.REPLACE, 0);
    /** Largest growth factor accepted. */
    public static final double MAX_GROWTH = 10;

    /** A loop with n rows every generation and no correction. */
    public Generations(int count, Schedule schedule, double freshReal) {
        this(count, schedule, freshReal, 1, 0);
    }

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
        if (!(growth > 0 && growth <= MAX_GROWTH)) {
            throw new ParameterException("growth", growth, "in (0, " + MAX_GROWTH + "]");
        }
        if (!(correction >= 0 && correction <= 1)) {
            throw new ParameterException("correction", correction, "in [0, 1]");
        }
    }

    /** Rows generation k draws: n for k = 0, round(n·g^k) after. */
    public long rows(long n, int generation) {
        return generation == 0 || growth == 1 ? n : Math.round(n * Math.pow(growth, generation));
    }

    /** True for n rows every generation and no correction (the loops of the earlier releases). */
    public boolean plain() {
        return growth == 1 && correction == 0;
    }

    /** True when there is at least one generation after generation 0. */
    public boolean looping() {
        return count > 0;
    }
}
