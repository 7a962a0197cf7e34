package org.collapselab.advice;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.SyntheticPoolTheory;
import org.junit.jupiter.api.Test;

/** {@link VerifierAdvisor}: a perfect verifier pays, a blind one does not, rows to generate, search vs a grid. */
class VerifierAdvisorTest {
    private final Regime regime = Regime.ridge(Spectrum.isotropic(60), null, 120, 1500, 0.5, 0.5, 1.0);

    @Test
    void aPerfectVerifierPaysAndUsesEverything() {
        VerifierAdvisor.Answer a = VerifierAdvisor.advise(regime, new Verifier(0.5, 1, 0));
        assertThat(a.pays()).isTrue();
        assertThat(a.verified().generated()).isEqualTo(1500);
        assertThat(a.verified().keptBadRows()).isZero();
        assertThat(a.gainOverUnverified()).isGreaterThan(0.05);
    }

    @Test
    void aBlindVerifierIsSubsamplingAndDoesNotPay() {
        // ϕ = ψ: a kept row is a random pool row, as generating fewer rows would give.
        VerifierAdvisor.Answer a = VerifierAdvisor.advise(regime, new Verifier(0.5, 0.6, 0.6));
        assertThat(Math.abs(a.gainOverUnverified()))
                .isLessThan(2e-3 * a.unverified().predictedTestMse());
    }

    @Test
    void searchIsNoWorseThanAGrid() {
        Verifier v = new Verifier(0.5, 0.9, 0.4);
        VerifierAdvisor.Answer a = VerifierAdvisor.advise(regime, v);
        double best = Double.POSITIVE_INFINITY;
        for (long pool : new long[] {0, 10, 50, 100, 200, 400, 800, 1500}) {
            for (double lambda : new double[] {1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1}) {
                long n = 120 + pool;
                Problem p = new Problem(
                        ModelKind.RIDGE,
                        Spectrum.isotropic(60),
                        null,
                        n,
                        0,
                        (double) pool / n,
                        1.0,
                        0.5,
                        lambda,
                        0.5,
                        1,
                        Estimator.MIX,
                        null,
                        v,
                        SyntheticTeacher.NONE);
                best = Math.min(best, SyntheticPoolTheory.predict(p).testError() + 0.25);
            }
        }
        assertThat(a.verified().predictedTestMse()).isLessThanOrEqualTo(best * (1 + 1e-3));
    }

    @Test
    void rowsToKeepInvertTheKeepRate() {
        Verifier v = new Verifier(0.3, 0.8, 0.25);
        double rate = 0.7 * 0.8 + 0.3 * 0.25;
        VerifierAdvisor.Generate g = VerifierAdvisor.rowsToKeep(v, 1000);
        assertThat(g.expected()).isEqualTo(1000 / rate);
        double var = 0.7 * 0.8 * 0.2 + 0.3 * 0.25 * 0.75;
        long n = g.confident();
        assertThat(n * rate - 1.6448536269514722 * Math.sqrt(n * var)).isGreaterThanOrEqualTo(1000 - 1e-9);
        assertThat((n - 1) * rate - 1.6448536269514722 * Math.sqrt((n - 1) * var))
                .isLessThan(1000);
    }
}
