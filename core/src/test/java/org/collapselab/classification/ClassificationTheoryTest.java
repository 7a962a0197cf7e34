package org.collapselab.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Limits and internal consistency of the classification theory (no simulation). */
class ClassificationTheoryTest {

    static Spectrum spectrum(String kind, int d) {
        return kind.equals("iso") ? Spectrum.isotropic(d) : Spectrum.powerLaw(d, Double.parseDouble(kind.substring(6)));
    }

    static ClassificationProblem problem(
            String kind,
            int d,
            long n,
            double p2,
            double mu2,
            double q,
            Loss loss,
            double lambda,
            double a,
            double keepGood,
            double keepBad) {
        return new ClassificationProblem(spectrum(kind, d), n, p2, mu2, q, loss, lambda, a, keepGood, keepBad, null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SQUARE, iso", "SQUARE, power:1.0", "LOGISTIC, iso", "LOGISTIC, power:1.0"})
    void noFlipsIsTheSingleSourceClassifier(Loss loss, String kind) {
        ClassificationResult mixed =
                ClassificationTheory.predict(problem(kind, 200, 300, 0.6, 2, 0, loss, 0.05, 1, 1, 1));
        ClassificationResult single =
                ClassificationTheory.predict(problem(kind, 200, 300, 0, 2, 0.3, loss, 0.05, 1, 1, 1));
        assertThat(mixed.testError()).isCloseTo(single.testError(), within(1e-12));
        assertThat(single.converged()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void noSeparationGivesChance(Loss loss) {
        ClassificationProblem p = problem("power:1.0", 100, 200, 0.5, 0, 0.2, loss, 0.1, 1, 1, 1);
        assertThat(ClassificationTheory.predict(p).testError()).isEqualTo(0.5);
        double tiny = ClassificationTheory.predict(problem("power:1.0", 100, 200, 0.5, 1e-10, 0.2, loss, 0.1, 1, 1, 1))
                .testError();
        assertThat(tiny).isCloseTo(0.5, within(1e-4)).isLessThan(0.5);
    }

    /**
     * λ → ∞: ŵ ∝ (1/N)Σ_i c_i y_i x_i = a·μ + z̄ (the weighted mean direction), a = Σ p_g c_g s_g, z̄ ~ N(0, (b/N)Σ),
     * b = Σ p_g c_g², whose error Φ(−μᵀŵ/‖ŵ‖_Σ) is averaged here by Monte Carlo over z̄ and μ's direction (its exact
     * law).
     */
    @ParameterizedTest(name = "{0} {1} Q={2} A={3} ϕ={4} ψ={5}")
    @CsvSource({
        "SQUARE, iso, 0.2, 1, 1, 1",
        "SQUARE, iso, 0.4, 2, 0.8, 0.3",
        "LOGISTIC, iso, 0.2, 1, 1, 1",
        "LOGISTIC, iso, 0.4, 2, 0.8, 0.3",
        "SQUARE, power:1.0, 0.2, 1, 1, 1",
        "LOGISTIC, power:1.0, 0.2, 1, 1, 1"
    })
    void strongPenaltyGivesTheMeanDirection(
            Loss loss, String kind, double q, double a, double keepGood, double keepBad) {
        int d = 60;
        ClassificationProblem p = problem(kind, d, 100, 0.7, 2, q, loss, 1e9, a, keepGood, keepBad);
        LabelGroups g = LabelGroups.of(p);
        double signed = 0, squares = 0;
        for (int k = 0; k < g.size(); k++) {
            signed += g.shares()[k] * g.weights()[k] * g.signs()[k];
            squares += g.shares()[k] * g.weights()[k] * g.weights()[k];
        }
        double noise = Math.sqrt(squares / g.rows());
        double[] s = p.spectrum().eigenvalues();
        SplittableRandom rng = new SplittableRandom(42);
        int draws = 100_000;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < draws; k++) {
            double norm = 0;
            double[] u = new double[d];
            for (int i = 0; i < d; i++) {
                u[i] = rng.nextGaussian();
                norm += u[i] * u[i];
            }
            double m = 0, qq = 0;
            for (int i = 0; i < d; i++) {
                double mu = Math.sqrt(2 * s[i] / norm) * u[i];
                double w = signed * mu + noise * Math.sqrt(s[i]) * rng.nextGaussian();
                m += mu * w;
                qq += s[i] * w * w;
            }
            double e = Gaussian.cdf(-m / Math.sqrt(qq));
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        ClassificationResult r = ClassificationTheory.predict(p);
        assertThat(r.testError()).isCloseTo(mean, within(3 * se + 3e-4));
    }

    /** With many clean rows at fixed d the classifier reaches the Bayes direction. */
    @ParameterizedTest
    @EnumSource(Loss.class)
    void manyCleanRowsReachTheBayesError(Loss loss) {
        ClassificationProblem p = problem("power:1.0", 100, 1_000_000_000_000L, 0.5, 2, 0, loss, 1e-9, 1, 1, 1);
        ClassificationResult r = ClassificationTheory.predict(p);
        assertThat(r.testError()).isCloseTo(p.bayesError(), within(1e-6));
    }

    /**
     * Breakdown of verification (Feng et al., ICLR 2025, Thm 4.2) as n → ∞ at fixed d: below the kept-flip-rate
     * threshold ½ + n1/(2A·n_kept) the error tends to the Bayes error, above it to 1 − Bayes (the fit points the wrong
     * way).
     */
    @ParameterizedTest(name = "{0} p2={1} Q={2} A={3} ϕ={4} ψ={5}")
    @CsvSource({
        "SQUARE, 1.0, 0.45, 1, 1.0, 1.0", "SQUARE, 1.0, 0.55, 1, 1.0, 1.0", "SQUARE, 1.0, 0.4, 1, 0.5, 1.0",
        "SQUARE, 0.8, 0.55, 1, 1.0, 1.0", "SQUARE, 0.8, 0.7, 2, 1.0, 1.0", "LOGISTIC, 1.0, 0.3, 1, 0.2, 1.0",
        "LOGISTIC, 0.8, 0.65, 2, 1.0, 1.0", "LOGISTIC, 0.8, 0.7, 3, 1.0, 1.0"
    })
    void verificationBreakdownAtLargeN(Loss loss, double p2, double q, double a, double keepGood, double keepBad) {
        ClassificationProblem p = problem("iso", 50, 1_000_000_000_000L, p2, 1, q, loss, 1e-9, a, keepGood, keepBad);
        double kept = VerificationBreakdown.keptFlipRate(q, keepGood, keepBad);
        double threshold = VerificationBreakdown.threshold(
                p.realCount(), a, p.syntheticCount() * ((1 - q) * keepGood + q * keepBad));
        double expected = kept < threshold ? p.bayesError() : 1 - p.bayesError();
        assertThat(Math.abs(kept - threshold))
                .as("test point away from the threshold")
                .isGreaterThan(0.02);
        assertThat(ClassificationTheory.predict(p).testError()).isCloseTo(expected, within(1e-4));
    }

    @ParameterizedTest(name = "d={0} n={1}")
    @CsvSource({"100, 300", "300, 100"})
    void ridgelessSquareLossIsTheSmallPenaltyLimit(int d, long n) {
        ClassificationProblem p = problem("power:1.0", d, n, 0.5, 2, 0.2, Loss.SQUARE, 0, 2, 0.9, 0.5);
        double limit = ClassificationTheory.predict(p.withLambda(1e-10)).testError();
        assertThat(ClassificationTheory.predict(p).testError()).isCloseTo(limit, within(1e-7));
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void certificateAtATypicalPoint(Loss loss) {
        ClassificationResult r =
                ClassificationTheory.predict(problem("power:1.0", 1000, 2000, 0.5, 2, 0.2, loss, 0.01, 2, 0.9, 0.3));
        assertThat(r.converged()).isTrue();
        assertThat(r.residual()).isLessThan(1e-10);
        assertThat(r.testError()).isBetween(r.bayesError(), 0.5);
    }

    @ParameterizedTest(name = "center={0} q={1} a={2}")
    @CsvSource({"-3, 1e-4, 0", "0, 0.5, 0.3", "2, 30, 5", "-1, 400, 50", "4, 2, 200"})
    void channelQuadratureIsConverged(double center, double q, double a) {
        double[] coarse = LogisticChannel.moments(center, q, a, 1);
        double[] fine = LogisticChannel.moments(center, q, a, 8);
        for (int k = 0; k < 3; k++) {
            assertThat(coarse[k]).isCloseTo(fine[k], within(1e-12));
        }
    }

    /** The direction average against Monte Carlo over μ's direction of the conditional theory (d = 50, steep Σ). */
    @Tag("slow") // about a minute of Monte Carlo; out of the fast lane
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SQUARE, power:2.0", "LOGISTIC, power:1.0"})
    void directionAverageMatchesMonteCarlo(Loss loss, String kind) {
        int d = 50;
        ClassificationProblem p = problem(kind, d, 100, 0.5, 2, 0.2, loss, 1.0, 1, 1, 1);
        double[] s = p.spectrum().eigenvalues();
        SplittableRandom rng = new SplittableRandom(3);
        int draws = loss == Loss.SQUARE ? 20_000 : 3_000;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < draws; k++) {
            double[] u = new double[d];
            double norm = 0;
            for (int i = 0; i < d; i++) {
                u[i] = rng.nextGaussian();
                norm += u[i] * u[i];
            }
            double[] mu = new double[d];
            for (int i = 0; i < d; i++) {
                mu[i] = 2 * s[i] * u[i] * u[i] / norm;
            }
            double e = loss == Loss.SQUARE
                    ? SquareLossTheory.predict(p, mu).testError()
                    : LogisticTheory.predict(p, mu).testError();
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        ClassificationResult r = ClassificationTheory.predict(p);
        assertThat(Math.abs(r.directionCorrection())).isGreaterThan(1e-3);
        assertThat(r.testError()).isCloseTo(mean, within(3 * se + 1e-4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p2 | p2 must be in [0, 1], got 1.5",
                "mu2 | mu2 must be in [0, 10000], got -1.0",
                "flipRate | flipRate must be in [0, 1], got NaN",
                "keepGood | keepGood must be in [0, 1], got 2.0",
                "keepBad | keepBad must be in [0, 1], got -0.1",
                "lambda | lambda must be > 0 with --loss logistic (the minimiser need not exist at 0), got 0.0",
                "syntheticWeight | syntheticWeight must be finite and >= 0, got Infinity"
            })
    void badInputNamesTheField(String field, String message) {
        Spectrum s = Spectrum.isotropic(10);
        assertThatThrownBy(() -> build(field, s))
                .isInstanceOf(ParameterException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ParameterException) e).field()).isEqualTo(field));
    }

    private static ClassificationProblem build(String field, Spectrum s) {
        return switch (field) {
            case "p2" -> new ClassificationProblem(s, 10, 1.5, 1, 0, Loss.SQUARE, 0, 1, 1, 1, null);
            case "mu2" -> new ClassificationProblem(s, 10, 0.5, -1, 0, Loss.SQUARE, 0, 1, 1, 1, null);
            case "flipRate" -> new ClassificationProblem(s, 10, 0.5, 1, Double.NaN, Loss.SQUARE, 0, 1, 1, 1, null);
            case "keepGood" -> new ClassificationProblem(s, 10, 0.5, 1, 0, Loss.SQUARE, 0, 1, 2, 1, null);
            case "keepBad" -> new ClassificationProblem(s, 10, 0.5, 1, 0, Loss.SQUARE, 0, 1, 1, -0.1, null);
            case "lambda" -> new ClassificationProblem(s, 10, 0.5, 1, 0, Loss.LOGISTIC, 0, 1, 1, 1, null);
            default ->
                new ClassificationProblem(s, 10, 0.5, 1, 0, Loss.SQUARE, 0, Double.POSITIVE_INFINITY, 1, 1, null);
        };
    }

    @org.junit.jupiter.api.Test
    void loopsAreSimulationOnly() {
        ClassificationProblem p = problem("iso", 10, 20, 0.5, 1, 0.1, Loss.SQUARE, 0.1, 1, 1, 1)
                .withGenerations(
                        new org.collapselab.problem.Generations(3, org.collapselab.problem.Schedule.REPLACE, 0));
        assertThatThrownBy(() -> ClassificationTheory.predict(p))
                .isInstanceOf(TheoryException.class)
                .hasMessageStartingWith(ClassificationTheory.SIMULATION_ONLY);
    }
}
