package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Closed forms and limits of {@link SyntheticPoolTheory}, {@link MomentRidgeTheory} and {@link TeacherTheory}. */
class SyntheticPoolTheoryTest {
    private static final Spectrum POWER = Spectrum.powerLaw(80, 1.0);

    private static Problem ridge(Spectrum s, long n, double p2, double lambda) {
        return Problem.ridge(s, n, p2, 1.3, 0.5, lambda);
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected))
                .as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(tolerance * Math.abs(expected));
    }

    @Test
    void noVerifierThroughThePoolTheoryIsTodaysTheory() {
        for (Problem p : new Problem[] {
            ridge(POWER, 300, 0.4, 0.01),
            ridge(POWER, 50, 0.7, 0.001),
            Problem.randomProjection(POWER, 300, 120, 0.4, 1.3, 0.5, 0.01),
            ridge(POWER, 300, 0.4, 0.01).withSources(Spectrum.isotropic(80), 0.8, 0.3, Estimator.MIX),
            Problem.randomProjection(POWER, 300, 120, 0.4, 1.3, 0.5, 0.01).withSources(null, 0.7, 2.0, Estimator.MIX)
        }) {
            assertRelative(
                    SyntheticPoolTheory.predict(p).testError(),
                    Theory.predict(p).testError(),
                    1e-12);
            assertRelative(
                    SyntheticPoolTheory.predict(p.withVerifier(new Verifier(1, 0.37, 1)))
                            .testError(),
                    Theory.predict(p).testError(),
                    1e-12); // π = 1: no good rows, ϕ is irrelevant
        }
    }

    @Test
    void keepingEveryRowIsTodaysTheoryAtTheBadShare() {
        Problem p = ridge(POWER, 400, 0.5, 0.01).withVerifier(new Verifier(0.3, 1, 1));
        long nb = Math.round(0.3 * 200);
        assertRelative(
                Theory.predict(p).testError(),
                RidgeTheory.predict(POWER, 400, nb / 400.0, 1.3, 0.5, 0.01).testError(),
                1e-12);
        Problem rp =
                Problem.randomProjection(POWER, 400, 150, 0.5, 1.3, 0.5, 0.01).withVerifier(new Verifier(0.3, 1, 1));
        assertRelative(
                Theory.predict(rp).testError(),
                RandomProjectionTheory.predict(POWER, 400, 150, nb / 400.0, 1.3, 0.5, 0.01)
                        .testError(),
                1e-12);
    }

    @Test
    void badShareSplitEqualsTheTwoSourceTheoryWithAShrunkShiftAndExtraNoise() {
        // Synthetic group of 200 rows, 60 bad: clean target qΔ plus noise q(1−q)·ΔᵀΣ2Δ on the synthetic rows.
        Spectrum s2 = Spectrum.isotropic(80);
        double q = 60 / 200.0;
        double ratio = 0;
        for (int i = 0; i < 80; i++) {
            ratio += s2.eigenvalue(i) / POWER.eigenvalue(i) / 80;
        }
        for (double weight : new double[] {0.3, 1, 2.5}) {
            for (double lambda : new double[] {0.001, 0.1}) {
                TheoryResult split = MomentRidgeTheory.predict(
                        POWER, s2, 100, 140, 60, 0.5, 0.7, weight, lambda, ShiftMoments.random(POWER, 1.3));
                double sigma2 = Math.sqrt(0.49 + q * (1 - q) * 1.3 * ratio);
                TheoryResult two =
                        TwoSourceRidgeTheory.predict(POWER, s2, 100, 200, q * q * 1.3, 0.5, sigma2, weight, lambda);
                assertRelative(split.testError(), two.testError(), 1e-10);
            }
        }
    }

    @Test
    void randomProjectionSplitThroughTheWeightedTheoryIsTheMixtureAtTheBadShare() {
        // 300 rows: 100 real, 140 good and 60 bad kept rows, weighted like real ones.
        double q = 60 / 200.0;
        for (long m : new long[] {50, 500}) {
            Problem split = new Problem(
                    ModelKind.RANDOM_PROJECTION,
                    POWER,
                    null,
                    300,
                    m,
                    200 / 300.0,
                    q * q * 1.3,
                    0.5,
                    0.01,
                    Math.sqrt(0.25 + q * (1 - q) * 1.3),
                    1,
                    Estimator.MIX,
                    null);
            assertRelative(
                    Theory.predict(split).testError(),
                    RandomProjectionTheory.predict(POWER, 300, m, 60 / 300.0, 1.3, 0.5, 0.01)
                            .testError(),
                    1e-9);
        }
    }

    @Test
    void momentTheoryAtFixedVectorsIsPredictFixed() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] w1 = org.collapselab.data.Teacher.random(80, rng);
        double[] delta = org.collapselab.data.SyntheticShift.random(POWER, 0.8, rng);
        double[] t = new double[80];
        double[] c = new double[80];
        double[] s = new double[80];
        for (int i = 0; i < 80; i++) {
            t[i] = w1[i] * w1[i];
            c[i] = w1[i] * delta[i];
            s[i] = delta[i] * delta[i];
        }
        for (long n : new long[] {60, 300}) {
            TheoryResult fixed = RidgeTheory.predictFixed(POWER, n, 0.4, 0.5, 0.01, w1, delta);
            long bad = Math.round(0.4 * n);
            TheoryResult moments = MomentRidgeTheory.predict(
                    POWER, POWER, n - bad, 0, bad, 0.5, 0.5, 1, 0.01, new ShiftMoments(t, c, s));
            assertRelative(moments.testError(), fixed.testError(), 1e-10);
        }
    }

    @Test
    void verifiedPoolAveragesTodaysTheoryOverTheKeptCount() {
        // π = 1, ψ = 0.45: K ~ Bin(30, 0.45) kept rows, all bad; by hand over the exact pmf.
        Problem p = ridge(Spectrum.isotropic(40), 50, 0.6, 0.01).withVerifier(new Verifier(1, 1, 0.45));
        double expected = 0;
        for (int k = 0; k <= 30; k++) {
            double pmf = binomial(30, k) * Math.pow(0.45, k) * Math.pow(0.55, 30 - k);
            expected += pmf
                    * RidgeTheory.predict(Spectrum.isotropic(40), 20 + k, k / (20.0 + k), 1.3, 0.5, 0.01)
                            .testError();
        }
        assertRelative(Theory.predict(p).testError(), expected, 1e-12);
    }

    @Test
    void nineNodeRuleMatchesTheWholeSupport() {
        Problem p = ridge(POWER, 1000, 0.8, 0.003).withVerifier(new Verifier(0.5, 0.7, 0.2));
        SyntheticPoolTheory.Prediction nine = SyntheticPoolTheory.predictAll(p);
        assertThat(nine.points()).isEqualTo(81);
        double whole = 0;
        ShiftMoments m = ShiftMoments.random(POWER, 1.3);
        for (int kg = 0; kg <= 400; kg++) {
            double pg = binomial(400, kg) * Math.pow(0.7, kg) * Math.pow(0.3, 400 - kg);
            if (pg < 1e-18) {
                continue;
            }
            for (int kb = 0; kb <= 400; kb++) {
                double pb = binomial(400, kb) * Math.pow(0.2, kb) * Math.pow(0.8, 400 - kb);
                if (pb > 1e-18) {
                    whole += pg
                            * pb
                            * SyntheticPoolTheory.atCounts(p, m, 200, kg, kb).testError();
                }
            }
        }
        assertRelative(nine.student().testError(), whole, 1e-9);
        assertThat(nine.keptRows()).isEqualTo(360.0);
    }

    @Test
    void plateauVanishesOnlyWithoutBadRows() {
        // n → ∞ at fixed shares: E → (p2,eff)²c², p2,eff = nbψ/(n1 + ngϕ + nbψ).
        Verifier v = new Verifier(0.5, 0.8, 0.2);
        Problem p = ridge(Spectrum.isotropic(50), 1_000_000_000_000L, 0.5, 0).withVerifier(v);
        double peff = 0.5 * 0.5 * 0.2 / (0.5 + 0.5 * 0.5 * 0.8 + 0.5 * 0.5 * 0.2);
        assertThat(Theory.predict(p).testError()).isCloseTo(peff * peff * 1.3, within(1e-9));
        assertThat(Theory.predict(p.withVerifier(new Verifier(0.5, 0.8, 0))).testError())
                .isLessThan(1e-9);
    }

    @Test
    void teacherMomentsGiveTheTeachersOwnError() {
        TeacherTheory.Prediction ridge = TeacherTheory.ridge(POWER, 150, 0.3, 0.5);
        assertRelative(
                ridge.moments().shiftNorm(POWER.eigenvalues()),
                RidgeTheory.predict(POWER, 150, 0, 0, 0.5, 0.3).testError(),
                1e-12);
        for (long width : new long[] {40, 200}) {
            for (long rows : new long[] {30, 150}) {
                TeacherTheory.Prediction rp = TeacherTheory.randomProjection(POWER, rows, width, 0.01, 0.5);
                assertRelative(
                        rp.moments().shiftNorm(POWER.eigenvalues()),
                        RandomProjectionTheory.predict(POWER, rows, width, 0, 0, 0.5, 0.01)
                                .testError(),
                        1e-10);
            }
        }
    }

    @Test
    void aPerfectTeacherHasNoShift() {
        // NS → ∞ with LAMS → 0: c² → 0 and the student is today's model at c² = 0.
        Problem p = new Problem(ModelKind.RIDGE, POWER, null, 300, 0, 0.5, 0, 0.5, 0.01)
                .withTeacher(SyntheticTeacher.ridge(10_000_000_000_000L, 1e-12));
        SyntheticPoolTheory.Prediction pred = SyntheticPoolTheory.predictAll(p);
        assertThat(pred.teacher().testError()).isLessThan(1e-11); // σ²d/NS = 2e-12
        assertRelative(
                pred.student().testError(),
                RidgeTheory.predict(POWER, 300, 0.5, 0, 0.5, 0.01).testError(),
                1e-9);
    }

    @Test
    void biasDominatedTeacherIsNotARandomShiftOfTheSameNorm() {
        Problem p = new Problem(ModelKind.RIDGE, POWER, null, 2200, 0, 2000 / 2200.0, 0, 0.5, 0.01)
                .withTeacher(SyntheticTeacher.ridge(150, 1.0));
        SyntheticPoolTheory.Prediction pred = SyntheticPoolTheory.predictAll(p);
        double randomShift = RidgeTheory.predict(
                        POWER, 2200, 2000 / 2200.0, pred.teacher().testError(), 0.5, 0.01)
                .testError();
        assertThat(pred.student().testError() / randomShift - 1).isGreaterThan(0.03);
    }

    @Test
    void undefinedPointsAreNamed() {
        Problem crossing = ridge(Spectrum.isotropic(40), 60, 0.5, 0).withVerifier(new Verifier(0.5, 0.5, 0.5));
        assertThatThrownBy(() -> Theory.predict(crossing))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("interpolation threshold 40");
        Problem rpStudent = new Problem(ModelKind.RANDOM_PROJECTION, POWER, null, 300, 60, 0.5, 0, 0.5, 0.01)
                .withTeacher(SyntheticTeacher.ridge(100, 0.1));
        assertThatThrownBy(() -> Theory.predict(rpStudent))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("simulation only");
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
