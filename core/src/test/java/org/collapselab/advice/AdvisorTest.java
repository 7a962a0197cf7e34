package org.collapselab.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.collapselab.problem.ModelKind;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.SketchedTwoSourceTheory;
import org.collapselab.theory.TheoryResult;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisorTest {

    /** The advised recipe is no worse (by theory) than any recipe on a brute-force grid of k, A and λ. */
    @ParameterizedTest(name = "{0} Σ2={1} d={2} n1={3} n2={4} σ1={5} σ2={6} c2={7}")
    @CsvSource({
        "iso,       same,      100, 200,  2000, 0.5, 0.5, 0.3",
        "iso,       same,      100, 200,  2000, 0.5, 0.5, 5.0",
        "power:1.0, iso,       200, 100,  1000, 0.3, 0.8, 0.5",
        "power:1.5, same,      150, 1000, 300,  1.0, 0.2, 0.1",
        "iso,       power:1.0, 50,  40,   400,  0.2, 0.2, 1.0",
    })
    void noWorseThanABruteForceGrid(
            String realKind, String synKind, int d, long n1, long n2, double sigma1, double sigma2, double c2) {
        Spectrum real = spectrum(realKind, d);
        Spectrum syn = synKind.equals("same") ? null : spectrum(synKind, d);
        Regime regime = Regime.ridge(real, syn, n1, n2, sigma1, sigma2, c2);
        Advice advice = Advisor.advise(regime);
        double bruteForce = Double.POSITIVE_INFINITY;
        for (int ki = 0; ki <= 8; ki++) {
            long k = n2 * ki / 8;
            for (double a : new double[] {0.01, 0.03, 0.1, 0.3, 1, 3}) {
                for (double lambda : new double[] {0, 1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3}) {
                    Recipe r = Advisor.evaluate(regime, k, a, lambda, 0);
                    if (r != null) {
                        bruteForce = Math.min(bruteForce, r.predictedTestMse());
                    }
                }
            }
        }
        Recipe best = advice.best();
        assertThat(best.predictedTestMse()).isLessThanOrEqualTo(bruteForce * (1 + 1e-9));
        assertThat(best.predictedTestMse())
                .isLessThanOrEqualTo(advice.realOnly().predictedTestMse());
        assertThat(best.predictedTestMse())
                .isLessThanOrEqualTo(advice.useEverything().predictedTestMse());
        assertThat(advice.gainOverRealOnly()).isGreaterThanOrEqualTo(0);
        assertThat(best.predictedTestMse()).isEqualTo(best.predictedTestError() + sigma1 * sigma1);
        assertThat(advice.realOnly().syntheticRows()).isZero();
        assertThat(advice.useEverything().syntheticRows()).isEqualTo(n2);
        assertThat(advice.useEverything().syntheticWeight()).isEqualTo(1.0);
        // The advised recipe's own prediction is reproducible by evaluate().
        Recipe again = Advisor.evaluate(regime, best.syntheticRows(), best.syntheticWeight(), best.lambda(), 0);
        assertThat(again.predictedTestMse()).isEqualTo(best.predictedTestMse());
    }

    @Test
    void perfectSyntheticDataIsUsedAndUselessDataIsDropped() {
        Spectrum s = Spectrum.isotropic(100);
        Advice perfect = Advisor.advise(Regime.ridge(s, null, 150, 3000, 0.5, 0.5, 0));
        assertThat(perfect.best().syntheticRows()).isGreaterThan(2000);
        assertThat(perfect.gainOverRealOnly()).isGreaterThan(0.1);
        Advice useless = Advisor.advise(Regime.ridge(s, null, 3000, 3000, 0.5, 0.5, 50));
        // Far-off synthetic data: the recipe gives it (almost) no weight and gains nothing measurable.
        assertThat(useless.best().syntheticRows() == 0 || useless.best().syntheticWeight() < 1e-3)
                .isTrue();
        assertThat(useless.gainOverRealOnly())
                .isLessThan(1e-3 * useless.realOnly().predictedTestMse());
        assertThat(useless.gainOverEverything()).isGreaterThan(0.5);
    }

    @Test
    void randomProjectionsPickAWidth() {
        Spectrum s = Spectrum.powerLaw(200, 1.0);
        Regime regime =
                new Regime(ModelKind.RANDOM_PROJECTION, s, null, 100, 400, 0.5, 0.7, 1.0, List.of(50L, 100L, 400L));
        Advice a = Advisor.advise(regime);
        assertThat(a.best().width()).isIn(50L, 100L, 400L);
        for (long m : List.of(50L, 100L, 400L)) {
            Recipe r = Advisor.withTunedWeight(regime, 400, m);
            assertThat(a.best().predictedTestMse()).isLessThanOrEqualTo(r.predictedTestMse() * (1 + 1e-12));
        }
    }

    /** Random projections under covariate shift (Σ2 ≠ Σ1) are advised by SketchedTwoSourceTheory. */
    @Test
    void randomProjectionsUnderCovariateShift() {
        Spectrum s = Spectrum.powerLaw(60, 1.0);
        Spectrum s2 = Spectrum.isotropic(60);
        Regime regime = new Regime(ModelKind.RANDOM_PROJECTION, s, s2, 50, 200, 0.5, 0.9, 1.0, List.of(30L, 120L));
        Advice a = Advisor.advise(regime);
        Recipe best = a.best();
        assertThat(best.predictedTestMse()).isLessThanOrEqualTo(a.realOnly().predictedTestMse() * (1 + 1e-12));
        assertThat(best.predictedTestMse())
                .isLessThanOrEqualTo(a.useEverything().predictedTestMse() * (1 + 1e-12));
        TheoryResult direct = SketchedTwoSourceTheory.predict(
                s,
                s2,
                50,
                best.syntheticRows(),
                best.width(),
                1.0,
                0.5,
                0.9,
                best.syntheticRows() == 0 ? 1 : best.syntheticWeight(),
                best.lambda());
        assertThat(best.theory().testError()).isCloseTo(direct.testError(), within(1e-12 * direct.testError()));
    }

    /** A stronger signal scales the bias only: evaluate() adds (τ² − 1)·bias, and the tuned λ shrinks. */
    @Test
    void signalScalesTheBias() {
        Spectrum s = Spectrum.powerLaw(100, 1.0);
        Regime plain = Regime.ridge(s, null, 200, 400, 0.5, 0.5, 0.5);
        Regime strong = new Regime(ModelKind.RIDGE, s, null, 200, 400, 0.5, 0.5, 0.5, List.of(), 3.0);
        assertThat(plain.signal()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(strong.teacherScale()).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
        Recipe a = Advisor.evaluate(plain, 100, 0.5, 0.1, 0);
        Recipe b = Advisor.evaluate(strong, 100, 0.5, 0.1, 0);
        assertThat(b.predictedTestError() - a.predictedTestError())
                .isCloseTo(2 * a.theory().bias(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Advisor.withTunedLambda(strong, 400, 1, 0).lambda())
                .isLessThan(Advisor.withTunedLambda(plain, 400, 1, 0).lambda());
    }

    @Test
    void badRegimesNameTheField() {
        Spectrum s = Spectrum.isotropic(10);
        assertThatThrownBy(() -> Regime.ridge(s, null, 0, 10, 0.5, 0.5, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessage("realRows must be an integer in [1, 1e12], got 0");
        assertThatThrownBy(() -> Regime.ridge(s, null, 10, 10, 0.5, 0.5, Double.NaN))
                .hasMessage("c2 must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> Regime.ridge(s, Spectrum.isotropic(5), 10, 10, 0.5, 0.5, 1))
                .hasMessageContaining("syntheticSpectrum must be of the same dimension");
        assertThatThrownBy(() -> new Regime(ModelKind.RANDOM_PROJECTION, s, null, 10, 10, 0.5, 0.5, 1, List.of()))
                .hasMessage("widths must be at least one width m >= 1 for model rp, got none");
    }

    private static Spectrum spectrum(String kind, int d) {
        return kind.equals("iso") ? Spectrum.isotropic(d) : Spectrum.powerLaw(d, Double.parseDouble(kind.substring(6)));
    }
}
