package org.collapselab.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.linalg.Matrix;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's semantics (flips, verifier, weights, error formula) and the fits' optimality conditions. */
class ClassificationSimulatorTest {

    /** Logistic fit: the gradient (1/N)Σ c_i ℓ'(y_i, x_iᵀw) x_i + 2λw vanishes, in the primal and the dual route. */
    @ParameterizedTest(name = "n={0} d={1}")
    @CsvSource({"300, 40", "40, 300"})
    void logisticFitIsStationary(int n, int d) {
        SplittableRandom rng = new SplittableRandom(1);
        Matrix x = Matrix.zeros(n, d);
        double[] y = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
            c[i] = i % 3 == 0 ? 2.5 : 1;
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextGaussian() + (j == 0 ? 1.5 * y[i] : 0));
            }
        }
        double lambda = 1e-3;
        double[] w = ClassifierFit.logistic(x, y, c, lambda);
        double worst = 0;
        for (int j = 0; j < d; j++) {
            double g = 2 * lambda * w[j];
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += x.get(i, k) * w[k];
                }
                g += -c[i] * y[i] * ClassifierFit.sigmoid(-y[i] * h) * x.get(i, j) / n;
            }
            worst = Math.max(worst, Math.abs(g));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    /** Weighted least squares: (XᵀCX/N + λ)w = XᵀCy/N. */
    @Test
    void squareFitSolvesTheWeightedNormalEquations() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 50, d = 8;
        Matrix x = Matrix.zeros(n, d);
        double[] y = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
            c[i] = 0.5 + i % 4;
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextGaussian());
            }
        }
        double lambda = 0.3;
        double[] w = ClassifierFit.square(x, y, c, lambda);
        for (int j = 0; j < d; j++) {
            double lhs = lambda * w[j];
            double rhs = 0;
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += x.get(i, k) * w[k];
                }
                lhs += c[i] * x.get(i, j) * h / n;
                rhs += c[i] * x.get(i, j) * y[i] / n;
            }
            assertThat(lhs).isCloseTo(rhs, within(1e-12));
        }
    }

    /** The Bayes direction Σ⁻¹μ has error Φ(−√M); the zero vector has ½. */
    @Test
    void errorFormula() {
        ClassificationProblem p =
                ClassificationProblem.of(Spectrum.powerLaw(30, 1.0), 10, 0, 2.5, 0, Loss.SQUARE, 0, 1);
        double[] mu = ClassificationSimulator.classMean(p, new SplittableRandom(3));
        double[] bayes = new double[30];
        double norm = 0;
        for (int i = 0; i < 30; i++) {
            bayes[i] = mu[i] / p.spectrum().eigenvalue(i);
            norm += mu[i] * bayes[i];
        }
        assertThat(norm).isCloseTo(2.5, within(1e-12));
        assertThat(ClassificationSimulator.testError(bayes, mu, p)).isCloseTo(p.bayesError(), within(1e-15));
        assertThat(ClassificationSimulator.testError(new double[30], mu, p)).isEqualTo(0.5);
    }

    /**
     * Flips and verifier: over many synthetic rows the kept count is n2[(1 − Q)ϕ + Qψ] and the kept flip rate
     * Qψ/(Qψ + (1 − Q)ϕ), within 4 binomial standard deviations; kept rows carry weight A, real rows 1.
     */
    @Test
    void flipsAndVerifierFollowTheirRates() {
        ClassificationProblem p = new ClassificationProblem(
                Spectrum.isotropic(2), 20_000, 0.9, 4, 0.3, Loss.SQUARE, 0.1, 2.5, 0.8, 0.4, null);
        SplittableRandom rng = new SplittableRandom(4);
        double[] mu = ClassificationSimulator.classMean(p, rng);
        ClassificationSimulator.Rows rows = ClassificationSimulator.sample(p, mu, rng);
        int real = (int) p.realCount();
        int kept = rows.y().length - real;
        double n2 = p.syntheticCount();
        double expectKept = n2 * (0.7 * 0.8 + 0.3 * 0.4);
        assertThat((double) kept).isCloseTo(expectKept, within(4 * Math.sqrt(expectKept)));
        int flipped = 0;
        for (int i = real; i < rows.y().length; i++) {
            assertThat(rows.c()[i]).isEqualTo(2.5);
            // x = yμ + z with |μ| large against z: the true class is the sign of xᵀμ (error Φ(−2) per row is counted
            // in)
            double score = rows.x().get(i, 0) * mu[0] + rows.x().get(i, 1) * mu[1];
            flipped += Math.signum(score) != rows.y()[i] ? 1 : 0;
        }
        for (int i = 0; i < real; i++) {
            assertThat(rows.c()[i]).isEqualTo(1.0);
        }
        double q = VerificationBreakdown.keptFlipRate(0.3, 0.8, 0.4);
        double misread = Gaussian.cdf(-2); // a row on the wrong side of the Bayes boundary
        double expectFlipped = kept * (q * (1 - misread) + (1 - q) * misread);
        assertThat((double) flipped).isCloseTo(expectFlipped, within(4 * Math.sqrt(expectFlipped)));
    }

    /** A run depends only on (seed, run index): thread counts give identical numbers. */
    @Test
    void threadsDoNotChangeNumbers() {
        ClassificationProblem p = new ClassificationProblem(
                Spectrum.powerLaw(20, 1.0), 60, 0.5, 2, 0.2, Loss.LOGISTIC, 0.05, 1.5, 0.9, 0.3, null);
        SimulationResult one = ClassificationSimulator.simulate(p, 12, 9, 1);
        SimulationResult two = ClassificationSimulator.simulate(p, 12, 9, 2);
        assertThat(two.runs()).containsExactly(one.runs());
    }

    /** Generation 0 of a loop is the single fit of the same run seed; later generations are real errors. */
    @Test
    void loopStartsFromTheSingleFit() {
        ClassificationProblem p =
                new ClassificationProblem(Spectrum.isotropic(20), 80, 0.5, 2, 0.2, Loss.SQUARE, 0.05, 1, 1, 1, null);
        for (Schedule s : Schedule.values()) {
            ClassificationProblem loop = p.withGenerations(new Generations(3, s, 0.2));
            double[] errors = ClassificationLoopSimulator.runOnce(loop, 77);
            assertThat(errors).hasSize(4);
            assertThat(errors[0]).isEqualTo(ClassificationSimulator.runOnce(p, 77));
            for (double e : errors) {
                assertThat(e).isBetween(p.bayesError(), 1.0);
            }
        }
    }
}
