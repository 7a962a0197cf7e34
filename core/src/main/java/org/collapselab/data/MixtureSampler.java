package org.collapselab.data;

import java.util.random.RandomGenerator;
import org.collapselab.linalg.Matrix;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * Samples the real/synthetic mixture of a {@link Problem}: n1 rows x ~ N(0, Σ) labelled y = xᵀw1 + σε and n2 rows
 * x ~ N(0, Σ2) labelled y = xᵀ(w1 + Δ) + σ2ε. Teacher and shift are passed explicitly (draw them with
 * {@link Teacher} and {@link SyntheticShift}, or give your own vectors).
 */
public final class MixtureSampler {
    private MixtureSampler() {}

    /** Samples a training set for {@code problem} with the given teacher w1 and shift Δ (Gaussian rows). */
    public static TrainingSet sample(Problem problem, double[] w1, double[] delta, RandomGenerator rng) {
        return sample(problem, w1, delta, FeatureLaw.GAUSSIAN, rng);
    }

    /** The same with rows x = Σ^{1/2}u whose whitened coordinates u follow {@code features}. */
    public static TrainingSet sample(
            Problem problem, double[] w1, double[] delta, FeatureLaw features, RandomGenerator rng) {
        int d = problem.d();
        requireLength("w1", w1, d);
        requireLength("delta", delta, d);
        int n = SimulationLimits.rows(problem);
        int n1 = (int) problem.realCount();
        Matrix x = Matrix.zeros(n, d);
        double[] a = x.data();
        Spectrum real = problem.spectrum();
        Spectrum synthetic = problem.effectiveSyntheticSpectrum();
        // Column-major fill: column j holds feature j for all rows; scale by sqrt of the row's source eigenvalue.
        if (!features.isGaussian()) {
            FeatureLaw.Coordinates u = features.coordinates(rng);
            for (int j = 0; j < d; j++) {
                double sr = Math.sqrt(real.eigenvalue(j));
                double ss = Math.sqrt(synthetic.eigenvalue(j));
                for (int i = 0, base = j * n; i < n; i++) {
                    a[base + i] = (i < n1 ? sr : ss) * u.next();
                }
            }
        }
        for (int j = 0; j < d && features.isGaussian(); j++) {
            double sr = Math.sqrt(real.eigenvalue(j));
            double ss = Math.sqrt(synthetic.eigenvalue(j));
            int base = j * n;
            for (int i = 0; i < n1; i++) {
                a[base + i] = sr * rng.nextGaussian();
            }
            for (int i = n1; i < n; i++) {
                a[base + i] = ss * rng.nextGaussian();
            }
        }
        double[] y = new double[n];
        // y = X w1 (+ X Δ on synthetic rows) + σ ε, accumulated column by column (cache-friendly).
        for (int j = 0; j < d; j++) {
            double wj = w1[j];
            double vj = w1[j] + delta[j];
            int base = j * n;
            for (int i = 0; i < n1; i++) {
                y[i] += a[base + i] * wj;
            }
            for (int i = n1; i < n; i++) {
                y[i] += a[base + i] * vj;
            }
        }
        double sigma = problem.sigma();
        double sigma2 = problem.syntheticSigma();
        for (int i = 0; i < n; i++) {
            double s = i < n1 ? sigma : sigma2;
            if (s > 0) {
                y[i] += s * rng.nextGaussian();
            }
        }
        return new TrainingSet(x, y, n1, n - n1);
    }

    private static void requireLength(String field, double[] v, int d) {
        if (v == null || v.length != d) {
            throw new ParameterException(
                    field, v == null ? "null" : "a vector of length " + v.length, "a vector of length d = " + d);
        }
        for (double e : v) {
            if (!Double.isFinite(e)) {
                throw new ParameterException(field, "a vector containing " + e, "a vector of finite numbers");
            }
        }
    }
}
