package org.collapselab.estimation;

import java.util.SplittableRandom;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Gaussian two-source data with known truth, to check {@link SourceEstimator} and the recommendation: n1 real rows
 * x ~ N(0, Σ1), y = xᵀw1 + σ1ε and n2 synthetic rows x ~ N(0, Σ2), y = xᵀ(w1 + Δ) + σ2ε, with the random teacher
 * w1 ~ N(0, I/d) and a random shift with ‖Δ‖²_Σ1 = c² exactly ({@link MixtureSampler}).
 *
 * @param real Σ1
 * @param synthetic Σ2 (diagonal in Σ1's basis)
 * @param n1 real rows
 * @param n2 synthetic rows
 * @param c2 c²
 * @param sigma1 σ1
 * @param sigma2 σ2
 */
public record GaussianTwoSource(
        Spectrum real, Spectrum synthetic, int n1, int n2, double c2, double sigma1, double sigma2) {

    /**
     * One draw: the data (centred on the real means), the true teacher and shift, and the statistics of a fresh real
     * test block centred the same way (null when no test rows were asked for).
     */
    public record Draw(TwoSourceData data, double[] w1, double[] delta, Moments test) {}

    private Problem problem(int rows1, int rows2) {
        int n = rows1 + rows2;
        return Problem.ridge(real, n, (double) rows2 / n, c2, sigma1, 0)
                .withSources(synthetic, sigma2, 1.0, Estimator.MIX);
    }

    /** Draws everything from {@code seed}. */
    public Draw draw(long seed, int testRows) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w1 = Teacher.random(real.dimension(), rng);
        double[] delta = SyntheticShift.random(real, c2, rng);
        TrainingSet t = MixtureSampler.sample(problem(n1, n2), w1, delta, rng);
        int[] realRows = range(0, n1);
        int[] synRows = range(n1, n1 + n2);
        TwoSourceData data = TwoSourceData.of(
                Rows.select(t.x(), realRows),
                Rows.select(t.y(), realRows),
                Rows.select(t.x(), synRows),
                Rows.select(t.y(), synRows));
        Moments test = null;
        if (testRows > 0) {
            TrainingSet fresh = MixtureSampler.sample(problem(testRows, 0), w1, delta, rng);
            test = data.testMoments(fresh.x(), fresh.y());
        }
        return new Draw(data, w1, delta, test);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
