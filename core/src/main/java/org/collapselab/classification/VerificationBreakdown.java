package org.collapselab.classification;

/**
 * The breakdown of verification for linear classifiers as n → ∞ at fixed d (Feng, Dohmatob, Yang, Charton, Kempe,
 * <i>Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification</i>, ICLR 2025, Theorem 4.2). A
 * pool whose labels are flipped with probability p, filtered by a verifier keeping good rows with probability ϕ and
 * bad ones with ψ, leaves the flip rate q_kept = pψ/(pψ + (1 − p)ϕ) among the kept rows; trained on them alone a
 * linear classifier reaches the Bayes direction iff q_kept &lt; ½, i.e. p &lt; p* = 1/(1 + ψ/ϕ). With n1 clean real
 * rows (weight 1) beside n_kept kept rows of weight A the population fit points along Σ⁻¹μ times
 * n1 + A·n_kept(1 − 2q_kept), so the transition moves to q_kept = ½ + n1/(2A·n_kept). At finite n/d the
 * deterministic equivalents ({@link ClassificationTheory}) give the whole curve.
 */
public final class VerificationBreakdown {
    private VerificationBreakdown() {}

    /** The pool flip rate at which verification breaks down without real rows: p* = 1/(1 + ψ/ϕ). */
    public static double criticalFlipRate(double keepGood, double keepBad) {
        return keepGood / (keepGood + keepBad);
    }

    /** The flip rate among kept rows, pψ/(pψ + (1 − p)ϕ). */
    public static double keptFlipRate(double flipRate, double keepGood, double keepBad) {
        return LabelGroups.keptFlipRate(flipRate, keepGood, keepBad);
    }

    /** The kept flip rate at which the fit turns: ½ + n1/(2A·n_kept) (∞ when nothing is kept or A = 0). */
    public static double threshold(double realRows, double weight, double keptRows) {
        return weight * keptRows > 0 ? 0.5 + realRows / (2 * weight * keptRows) : Double.POSITIVE_INFINITY;
    }

    /** The n → ∞ error: the Bayes error below the threshold, ½ at it, 1 − Bayes above it. */
    public static double limitError(ClassificationProblem p) {
        double kept = p.syntheticCount() * ((1 - p.flipRate()) * p.keepGood() + p.flipRate() * p.keepBad());
        double q = kept > 0 ? keptFlipRate(p.flipRate(), p.keepGood(), p.keepBad()) : 0;
        double t = threshold(p.realCount(), p.syntheticWeight(), kept);
        double bayes = p.bayesError();
        return q < t ? bayes : q > t ? 1 - bayes : 0.5;
    }
}
