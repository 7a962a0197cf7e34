package org.collapselab.classification;

/**
 * The training rows of a {@link ClassificationProblem} as groups that differ only in the label they carry relative
 * to the true class (sign s = +1 true, −1 flipped) and their weight c in the loss, at the expected counts: real
 * (n1, s = +1, c = 1), kept good synthetic (n2(1 − Q)ϕ, +1, A) and kept bad synthetic (n2·Q·ψ, −1, A). Multiplying
 * a row by its true class y turns x = yμ + z into μ + z' with z' ~ N(0, Σ), so every group has the same features and
 * only (s, c) matter. The binomial fluctuation of the kept counts is left out (its effect on the mean error is of
 * order 1/n).
 *
 * @param shares p_g = n_g/N for each group
 * @param signs s_g ∈ {−1, +1}
 * @param weights c_g ≥ 0
 * @param rows N = expected n_train = n1 + n2[(1 − Q)ϕ + Qψ]
 */
public record LabelGroups(double[] shares, double[] signs, double[] weights, double rows) {

    /** The three groups of a problem. */
    public static LabelGroups of(ClassificationProblem p) {
        double n1 = p.realCount();
        double n2 = p.syntheticCount();
        double good = n2 * (1 - p.flipRate()) * p.keepGood();
        double bad = n2 * p.flipRate() * p.keepBad();
        double rows = n1 + good + bad;
        double a = p.syntheticWeight();
        if (rows == 0) {
            return new LabelGroups(new double[0], new double[0], new double[0], 0);
        }
        return new LabelGroups(
                new double[] {n1 / rows, good / rows, bad / rows},
                new double[] {1, 1, -1},
                new double[] {1, a, a},
                rows);
    }

    /** Number of groups. */
    public int size() {
        return shares.length;
    }

    /** True when no row carries weight in the loss (then ŵ = 0 and the error is ½). */
    public boolean empty() {
        double s = 0;
        for (int g = 0; g < shares.length; g++) {
            s += shares[g] * weights[g];
        }
        return !(s > 0);
    }

    /** Flip rate among the kept synthetic rows, Qψ/(Qψ + (1 − Q)ϕ) (NaN when none is kept). */
    public static double keptFlipRate(double flipRate, double keepGood, double keepBad) {
        double bad = flipRate * keepBad;
        return bad / (bad + (1 - flipRate) * keepGood);
    }
}
