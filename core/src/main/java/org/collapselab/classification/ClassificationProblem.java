package org.collapselab.classification;

import org.collapselab.problem.Generations;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * One point of the classification setting. Labels y ∈ {−1, +1} with probability ½; features x = y·μ + z,
 * z ~ N(0, Σ), μ = √M·Σ^{1/2}u/‖u‖ with u ~ N(0, I) drawn per run (so ‖μ‖²_{Σ⁻¹} = M and the Bayes error is
 * Φ(−√M)). Of n rows, n2 = round(p2·n) are synthetic: each has its label flipped independently with probability Q;
 * a verifier keeps an unflipped (good) synthetic row with probability ϕ and a flipped (bad) one with probability ψ.
 * The n1 = n − n2 real rows carry their true labels. The learner has no intercept:
 * ŵ = argmin (1/n_train)[Σ_real ℓ(y, xᵀw) + A Σ_kept ℓ(y, xᵀw)] + λ‖w‖², n_train = n1 + kept rows, with the square
 * loss (y − xᵀw)² or the logistic loss log(1 + e^{−y xᵀw}) (λ &gt; 0). The test error of a fitted ŵ on real data is
 * Φ(−μᵀŵ/‖ŵ‖_Σ). Every field is validated here, with messages naming the field.
 *
 * @param spectrum eigenvalues of Σ (its length is d)
 * @param n rows before verification, n = n1 + n2
 * @param p2 synthetic share in [0, 1]
 * @param mu2 class separation M = ‖μ‖²_{Σ⁻¹} ≥ 0
 * @param flipRate probability Q in [0, 1] that a synthetic row's label is flipped
 * @param loss square or logistic
 * @param lambda ridge penalty λ ≥ 0 (&gt; 0 for the logistic loss)
 * @param syntheticWeight weight A ≥ 0 of each kept synthetic row
 * @param keepGood probability ϕ in [0, 1] that the verifier keeps a good (unflipped) synthetic row
 * @param keepBad probability ψ in [0, 1] that the verifier keeps a bad (flipped) synthetic row
 * @param generations pseudo-labelling loop ({@link Generations#NONE} = one fit)
 */
public record ClassificationProblem(
        Spectrum spectrum,
        long n,
        double p2,
        double mu2,
        double flipRate,
        Loss loss,
        double lambda,
        double syntheticWeight,
        double keepGood,
        double keepBad,
        Generations generations)
        implements java.io.Serializable {

    /** Largest n accepted by theory (as for regression: the question is about n → ∞). */
    public static final long MAX_SIZE = 1_000_000_000_000_000L;

    /** Largest class separation M accepted (the Bayes error Φ(−√M) is below 1e-300 far before it). */
    public static final double MAX_MU2 = 1e4;

    public ClassificationProblem {
        if (spectrum == null) {
            throw new ParameterException("spectrum", null, "iso, power:A or file:PATH");
        }
        if (n < 1 || n > MAX_SIZE) {
            throw new ParameterException("n", n, "an integer in [1, " + MAX_SIZE + "]");
        }
        requireRange("p2", p2, 0, 1, "in [0, 1]");
        requireRange("mu2", mu2, 0, MAX_MU2, "in [0, " + (long) MAX_MU2 + "]");
        requireRange("flipRate", flipRate, 0, 1, "in [0, 1]");
        if (loss == null) {
            throw new ParameterException("loss", null, "one of square, logistic");
        }
        requireRange("lambda", lambda, 0, Double.MAX_VALUE, "finite and >= 0");
        if (loss == Loss.LOGISTIC && !(lambda > 0)) {
            throw new ParameterException(
                    "lambda", lambda, "> 0 with --loss logistic (the minimiser need not exist at 0)");
        }
        requireRange("syntheticWeight", syntheticWeight, 0, Double.MAX_VALUE, "finite and >= 0");
        requireRange("keepGood", keepGood, 0, 1, "in [0, 1]");
        requireRange("keepBad", keepBad, 0, 1, "in [0, 1]");
        if (generations == null) {
            generations = Generations.NONE;
        }
    }

    /** A single fit without verifier (ϕ = ψ = 1), weight A per synthetic row. */
    public static ClassificationProblem of(
            Spectrum spectrum,
            long n,
            double p2,
            double mu2,
            double flipRate,
            Loss loss,
            double lambda,
            double syntheticWeight) {
        return new ClassificationProblem(
                spectrum, n, p2, mu2, flipRate, loss, lambda, syntheticWeight, 1, 1, Generations.NONE);
    }

    private static void requireRange(String field, double v, double lo, double hi, String allowed) {
        if (!(v >= lo && v <= hi)) { // also rejects NaN
            throw new ParameterException(field, v, allowed);
        }
    }

    /** Dimension d. */
    public int d() {
        return spectrum.dimension();
    }

    /** Synthetic rows before verification, n2 = round(p2·n). */
    public long syntheticCount() {
        return Math.round(p2 * n);
    }

    /** Real rows n1 = n − n2. */
    public long realCount() {
        return n - syntheticCount();
    }

    /** Bayes error Φ(−√M) of the optimal linear rule. */
    public double bayesError() {
        return Gaussian.cdf(-Math.sqrt(mu2));
    }

    /** A copy with another ridge penalty. */
    public ClassificationProblem withLambda(double newLambda) {
        return new ClassificationProblem(
                spectrum, n, p2, mu2, flipRate, loss, newLambda, syntheticWeight, keepGood, keepBad, generations);
    }

    /** A copy with another n. */
    public ClassificationProblem withN(long newN) {
        return new ClassificationProblem(
                spectrum, newN, p2, mu2, flipRate, loss, lambda, syntheticWeight, keepGood, keepBad, generations);
    }

    /** A copy with a verifier (ϕ, ψ). */
    public ClassificationProblem withVerifier(double newKeepGood, double newKeepBad) {
        return new ClassificationProblem(
                spectrum, n, p2, mu2, flipRate, loss, lambda, syntheticWeight, newKeepGood, newKeepBad, generations);
    }

    /** A copy with a pseudo-labelling loop. */
    public ClassificationProblem withGenerations(Generations newGenerations) {
        return new ClassificationProblem(
                spectrum, n, p2, mu2, flipRate, loss, lambda, syntheticWeight, keepGood, keepBad, newGenerations);
    }
}
