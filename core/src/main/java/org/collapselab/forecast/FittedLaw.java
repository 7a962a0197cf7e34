package org.collapselab.forecast;

import org.collapselab.theory.ScalarMinimum;

/**
 * A law's parameters with their atoms built once, for the many evaluations of forecasts: error at a mix, the best
 * synthetic share for a number of real rows, and the real-data size beyond which synthetic rows stop helping.
 */
public final class FittedLaw {
    /** Largest synthetic share searched for a recipe (synthetic rows at most 9× the real ones). */
    public static final double MAX_SHARE = 0.9;
    /** log10 A is searched in [−3, 1]. */
    static final double LOG_WEIGHT_LO = -3;

    static final double LOG_WEIGHT_HI = 1;

    private final LawParameters parameters;
    private final LawAtoms atoms;

    public FittedLaw(LawParameters parameters) {
        this.parameters = parameters;
        this.atoms = LawAtoms.of(parameters.shape());
    }

    /** The parameters. */
    public LawParameters parameters() {
        return parameters;
    }

    /** Predicted error at n rows, share p2, weight A (NaN where the law diverges). */
    public double error(double n, double p2, double weight) {
        try {
            return parameters.combine(
                    CollapseLaw.terms(atoms, n, p2, weight, parameters.shape().lambda()));
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Error with n1 real rows plus synthetic rows making a share p2 of n1/(1 − p2) rows, weight A. */
    public double mixError(double realRows, double p2, double weight) {
        return error(realRows / (1 - p2), p2, weight);
    }

    /** The best share in [0, {@link #MAX_SHARE}] for n1 real rows at weight A: {p2, error}. */
    public double[] bestShare(double realRows, double weight) {
        ScalarMinimum.Min m =
                ScalarMinimum.minimize(p -> finite(mixError(realRows, p, weight)), 0, MAX_SHARE, 19, 1e-4);
        double atZero = finite(mixError(realRows, 0, weight));
        return atZero <= m.value() ? new double[] {0, atZero} : new double[] {m.x(), m.value()};
    }

    /** The best (p2, A) for n1 real rows: {p2, A, error} (A searched on a log scale, p2 as in {@link #bestShare}). */
    public double[] bestMix(double realRows) {
        double[] best = {0, 1, finite(mixError(realRows, 0, 1))};
        for (int i = 0; i <= 16; i++) {
            double logA = LOG_WEIGHT_LO + (LOG_WEIGHT_HI - LOG_WEIGHT_LO) * i / 16;
            double[] s = bestShare(realRows, Math.pow(10, logA));
            if (s[1] < best[2]) {
                best = new double[] {s[0], Math.pow(10, logA), s[1]};
            }
        }
        double step = (LOG_WEIGHT_HI - LOG_WEIGHT_LO) / 16;
        double center = Math.log10(best[1]);
        double[] found = best.clone();
        ScalarMinimum.minimize(
                logA -> {
                    double[] s = bestShare(realRows, Math.pow(10, logA));
                    if (s[1] < found[2]) {
                        found[0] = s[0];
                        found[1] = Math.pow(10, logA);
                        found[2] = s[1];
                    }
                    return s[1];
                },
                Math.max(LOG_WEIGHT_LO, center - step),
                Math.min(LOG_WEIGHT_HI, center + step),
                3,
                1e-3);
        return found;
    }

    /**
     * The real-data size n1 from which the first unweighted synthetic rows (1% of n1 more rows, all synthetic) raise
     * the error instead of lowering it: the sign change of E(1.01·n1, 0.01/1.01) − E(n1, 0) in log n1 on [1, 1e12].
     * +∞ if they help everywhere there, 1 if they never help.
     */
    public double stopHelping() {
        double lo = 0;
        double hi = 12;
        if (gain(Math.pow(10, hi)) <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (gain(Math.pow(10, lo)) > 0) {
            return 1;
        }
        for (int i = 0; i < 60 && hi - lo > 1e-6; i++) {
            double mid = 0.5 * (lo + hi);
            if (gain(Math.pow(10, mid)) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.pow(10, 0.5 * (lo + hi));
    }

    /** E(1.01·n1, 1/101) − E(n1, 0): positive where a few synthetic rows hurt. */
    private double gain(double realRows) {
        double d = error(realRows * 1.01, 1 / 101.0, 1) - error(realRows, 0, 1);
        return Double.isNaN(d) ? -1 : d;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
}
