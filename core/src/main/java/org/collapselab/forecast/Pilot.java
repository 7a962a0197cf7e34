package org.collapselab.forecast;

import org.collapselab.validation.ParameterException;

/**
 * One pilot run of the user's learner: trained on n rows of which a share p2 carried synthetic labels (each with
 * weight A in the loss), measured on real test data. Several runs may share (n, p2, A) with different seeds.
 *
 * @param n training rows (≥ 1)
 * @param p2 synthetic share in [0, 1]
 * @param error measured real-test error (≥ 0, finite): MSE, 0–1 error or a loss, any unit
 * @param stderr standard error of {@code error} if the user measured one (&gt; 0), else NaN
 * @param weight A ≥ 0, the loss weight of a synthetic row (1 = plain mixing)
 * @param modelSize the learner's size m if given (&gt; 0), else NaN (informational: the law has no width term)
 * @param seed the run's seed if given, else null
 */
public record Pilot(long n, double p2, double error, double stderr, double weight, double modelSize, Long seed) {
    public Pilot {
        if (n < 1) {
            throw new ParameterException("n", n, "an integer >= 1");
        }
        if (!(p2 >= 0 && p2 <= 1)) {
            throw new ParameterException("p2", p2, "in [0, 1]");
        }
        if (!(error >= 0) || !Double.isFinite(error)) {
            throw new ParameterException("error", error, "a finite number >= 0");
        }
        if (!Double.isNaN(stderr) && !(stderr > 0 && Double.isFinite(stderr))) {
            throw new ParameterException("stderr", stderr, "a finite number > 0 (or empty)");
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new ParameterException("weight", weight, "a finite number >= 0");
        }
        if (p2 == 1 && weight == 0) {
            throw new ParameterException("weight", weight, "> 0 when p2 = 1 (otherwise no row carries weight)");
        }
        if (!Double.isNaN(modelSize) && !(modelSize > 0 && Double.isFinite(modelSize))) {
            throw new ParameterException("m", modelSize, "a finite number > 0 (or empty)");
        }
    }

    /** A run with only the required columns. */
    public static Pilot of(long n, double p2, double error) {
        return new Pilot(n, p2, error, Double.NaN, 1, Double.NaN, null);
    }

    /** Whether the user gave a standard error. */
    public boolean hasStderr() {
        return !Double.isNaN(stderr);
    }
}
