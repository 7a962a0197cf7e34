package org.collapselab.theory;

/**
 * Whether a retraining loop settles as the number of generations grows, and where (docs/generations.md).
 *
 * <p>For {@code replace} the error covariance obeys an affine recursion v_k = M v_{k−1} + c whose linear part M is a
 * nonnegative diagonal-plus-rank-one matrix; its spectral radius ρ is the loop's <b>contraction factor</b>. ρ &lt; 1:
 * the error converges to the stationary value E∞ at rate ρ^k; ρ = 1 (no contraction, e.g. OLS with no fresh real
 * data): the error grows linearly; ρ &gt; 1: the error grows geometrically. For OLS with a fresh real share
 * p1 = 1 − p2, ρ = p2² + p2·p1·φ/(1 − φ) (φ = d/n), i.e. stable iff φ &lt; (1 + p2)/(1 + 2p2).
 *
 * @param status the verdict
 * @param contractionFactor ρ (NaN where no contraction factor is defined, e.g. accumulate)
 * @param stationaryError E∞ = lim E_k when the loop settles (STABLE or BOUNDED), NaN otherwise — never a number that
 *     looks converged for a loop that does not converge
 * @param description one line saying what happens as k → ∞
 */
public record LoopStability(Status status, double contractionFactor, double stationaryError, String description) {
    /** What the error does as the number of generations grows. */
    public enum Status {
        /** ρ &lt; 1: converges geometrically to E∞. */
        STABLE,
        /** Converges, but not geometrically (accumulate: increments shrink like 1/k²). */
        BOUNDED,
        /** ρ = 1: grows linearly without bound. */
        MARGINAL,
        /** ρ &gt; 1: grows geometrically without bound. */
        DIVERGENT;

        /** Lower-case name for output. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True when the error settles to a finite limit. */
    public boolean settles() {
        return status == Status.STABLE || status == Status.BOUNDED;
    }
}
