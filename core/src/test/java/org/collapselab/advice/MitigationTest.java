package org.collapselab.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.RidgeTheory;
import org.collapselab.theory.ScalarMinimum;
import org.junit.jupiter.api.Test;

/** The paper's weighted mixing (the paper's §5) against the exact two-source theory. */
class MitigationTest {
    private static final Spectrum S = Spectrum.isotropic(100);

    @Test
    void naiveMixAndRealOnlyAreTheEndpointsOfTheFamily() {
        // α = p2 is A = 1 (today's mixture theory); λ is rescaled by p1/(1 − α) = 1.
        double mix =
                Mitigation.exact(S, null, 1000, 0.3, 1.5, 0.5, 0.5, 0.01, 0.3).testError();
        assertThat(mix)
                .isCloseTo(RidgeTheory.predict(S, 1000, 0.3, 1.5, 0.5, 0.01).testError(), within(1e-10));
        // α = 0 is ridge on the n1 real rows (penalty λ p1 with the 1/n normalisation = λ with 1/n1).
        double real =
                Mitigation.exact(S, null, 1000, 0.3, 1.5, 0.5, 0.5, 0.01, 0).testError();
        assertThat(real).isCloseTo(RidgeTheory.predict(S, 700, 0, 0, 0.5, 0.01).testError(), within(1e-10));
    }

    @Test
    void optimalAlphaVanishesAsNGrows() {
        double previous = 1;
        for (long n : new long[] {200, 1000, 10_000, 100_000, 1_000_000}) {
            ScalarMinimum.Min m = Mitigation.optimalAlpha(S, null, n, 0.5, 1.0, 0.5, 0.5, 0);
            assertThat(m.x()).isLessThan(previous);
            previous = m.x();
        }
        assertThat(previous).isLessThan(1e-3);
    }

    /** The exact ridgeless plateau of a fixed α is α²c² (from above), reached like 1/n; the transcribed p2²α²c² is not. */
    @Test
    void fixedAlphaKeepsThePlateauAlphaSquaredC2() {
        double alpha = 0.3;
        double c2 = 2;
        double plateau = alpha * alpha * c2;
        double previousGap = Double.POSITIVE_INFINITY;
        for (long n : new long[] {400, 4000, 40_000, 400_000, 4_000_000}) {
            double e = Mitigation.exact(S, null, n, 0.5, c2, 0.5, 0.5, 0, alpha).testError();
            assertThat(e).isGreaterThan(plateau);
            assertThat(e - plateau).isLessThan(previousGap);
            previousGap = e - plateau;
        }
        assertThat(previousGap / plateau).isLessThan(1e-3);
        assertThat(Mitigation.firstOrderTranscribed(alpha, 0.5, c2, 0.5, 0.5, 0))
                .isCloseTo(0.25 * plateau, within(1e-12));
    }

    /** Under covariate shift the plateau is the population one, (c²/d) Σ (α s2/(α s2 + (1−α) s1))², not α²c². */
    @Test
    void plateauUnderCovariateShift() {
        Spectrum real = Spectrum.powerLaw(100, 1.0);
        Spectrum syn = Spectrum.isotropic(100);
        double alpha = 0.3;
        double expected = Mitigation.plateau(real, syn, 1.0, alpha);
        double e = Mitigation.exact(real, syn, 100_000_000L, 0.3, 1.0, 0.5, 0.8, 0, alpha)
                .testError();
        assertThat(e).isCloseTo(expected, within(1e-4 * expected));
        assertThat(expected).isGreaterThan(2 * alpha * alpha);
        assertThat(Mitigation.plateau(real, null, 1.0, alpha)).isCloseTo(alpha * alpha, within(1e-15));
    }

    /** The derived first-order formula matches the exact theory to O(φ²); the transcribed one is off at O(1) or O(φ). */
    @Test
    void firstOrderFormulas() {
        double p2 = 0.4;
        double c2 = 1.0;
        double sigma = 0.5;
        for (double alpha : new double[] {0, 0.1, 0.4, 0.7}) {
            long n = 100_000;
            double phi = 100.0 / n;
            double exact =
                    Mitigation.exact(S, null, n, p2, c2, sigma, sigma, 0, alpha).testError();
            double derived = Mitigation.firstOrderDerived(alpha, p2, c2, sigma, sigma, phi);
            assertThat(Math.abs(exact - derived)).isLessThan(10 * phi * phi);
            double transcribed = Mitigation.firstOrderTranscribed(alpha, p2, c2, sigma, sigma, phi);
            assertThat(Math.abs(exact - transcribed)).isGreaterThan(10 * phi * phi);
        }
    }

    @Test
    void strategiesAreOrderedAsTheyNest() {
        Strategies.Point p = Strategies.at(Spectrum.powerLaw(100, 1.0), null, 400, 0.5, 0.5, 0.5, 0.5);
        // The weighted mix contains real-only (A = 0) and the naive mix (A = 1); the subset contains both ends too.
        assertThat(p.weightedMix()).isLessThanOrEqualTo(p.naiveMix() * (1 + 1e-9));
        assertThat(p.weightedMix()).isLessThanOrEqualTo(p.realOnly() * (1 + 1e-9));
        assertThat(p.bestSubset()).isLessThanOrEqualTo(Math.min(p.realOnly(), p.naiveMix()) * (1 + 1e-9));
        // Prior toward a teacher closer than 0 (c² = 0.5 < ‖w1‖² = 1, isotropic) beats shrinking toward 0.
        Strategies.Point iso = Strategies.at(Spectrum.isotropic(100), null, 400, 0.5, 0.5, 0.5, 0.5);
        assertThat(iso.prior()).isLessThan(iso.realOnly());
    }
}
