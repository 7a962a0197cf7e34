package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The general random-projection solver: closed forms, limits, certificates, divergence and bad input. */
class RandomProjectionTheoryTest {

    private static Spectrum spectrum(String kind, int d) {
        return kind.equals("iso")
                ? Spectrum.isotropic(d)
                : Spectrum.powerLaw(d, Double.parseDouble(kind.substring("power:".length())));
    }

    private static void assertRelativelyClose(double actual, double expected, double tol, String what) {
        assertThat(Math.abs(actual - expected))
                .as("%s: actual %.15g, expected %.15g", what, actual, expected)
                .isLessThanOrEqualTo(tol * Math.abs(expected) + 1e-300);
    }

    @Test
    void generalSolverAgreesWithIsotropicClosedForm() {
        int[][] dnm = {
            {200, 400, 100},
            {200, 400, 380},
            {200, 400, 800},
            {200, 400, 200},
            {400, 200, 100},
            {400, 200, 190},
            {400, 200, 210},
            {400, 200, 400},
            {400, 200, 1000},
            {300, 300, 300},
            {300, 300, 150},
            {300, 300, 600},
            {50, 1000, 3},
            {1000, 50, 7000},
            {1, 5, 1}
        };
        double[] lambdas = {1e-8, 1e-4, 1e-2, 0.3, 5, 1e3};
        for (int[] x : dnm) {
            for (double lambda : lambdas) {
                TheoryResult general =
                        RandomProjectionTheory.predict(Spectrum.isotropic(x[0]), x[1], x[2], 0.3, 1.5, 0.7, lambda);
                TheoryResult closed = RandomProjectionIsotropic.predict(x[0], x[1], x[2], 0.3, 1.5, 0.7, lambda);
                String at = "d=" + x[0] + " n=" + x[1] + " m=" + x[2] + " lambda=" + lambda;
                assertRelativelyClose(general.testError(), closed.testError(), 1e-9, "E at " + at);
                assertRelativelyClose(general.bias(), closed.bias(), 1e-8, "bias at " + at);
                assertRelativelyClose(general.variance(), closed.variance(), 1e-9, "variance at " + at);
                assertRelativelyClose(general.zeta(), closed.zeta(), 1e-9, "zeta at " + at);
                assertRelativelyClose(
                        general.effectiveRegularization(), closed.effectiveRegularization(), 1e-9, "theta at " + at);
                assertThat(general.converged()).as("converged at " + at).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "d={0} n={1} m={2}")
    @CsvSource({
        "200, 400, 100",
        "200, 400, 380",
        "200, 400, 800",
        "200, 400, 200",
        "400, 200, 100",
        "400, 200, 300",
        "400, 200, 400",
        "400, 200, 800",
        "300, 600, 299",
        "300, 300, 100",
        "300, 301, 600",
        "10, 10000, 20000"
    })
    void ridgelessSolverAgreesWithIsotropicRidgelessClosedForm(int d, int n, int m) {
        TheoryResult general = RandomProjectionTheory.predict(Spectrum.isotropic(d), n, m, 0.2, 2.0, 0.5, 0);
        TheoryResult closed = RandomProjectionIsotropic.ridgeless(d, n, m, 0.2, 2.0, 0.5);
        assertRelativelyClose(general.testError(), closed.testError(), 1e-11, "E");
        assertThat(general.bias()).isCloseTo(closed.bias(), offset(1e-11 * (1 + closed.bias())));
        assertRelativelyClose(general.zeta(), closed.zeta(), 1e-11, "zeta");
        assertThat(general.converged()).isTrue();
    }

    @ParameterizedTest(name = "{0} d={1} n={2} m={3}")
    @CsvSource({
        "iso, 200, 400, 100",
        "iso, 400, 200, 190",
        "iso, 400, 200, 210",
        "iso, 200, 400, 900",
        "power:1.0, 400, 200, 199",
        "power:1.0, 400, 200, 201",
        "power:1.5, 200, 201, 400",
        "power:1.5, 201, 200, 400",
        "power:1.5, 300, 300, 299",
        "power:1.0, 300, 301, 300",
        "power:1.5, 300, 500, 300"
    })
    void ridgelessIsTheLimitOfSmallLambdaOnBothSidesOfTheThresholds(String kind, int d, int n, int m) {
        Spectrum s = spectrum(kind, d);
        TheoryResult zero = RandomProjectionTheory.predict(s, n, m, 0.1, 0.5, 0.5, 0);
        assertThat(zero.converged()).isTrue();
        // |E(λ) − E(0)| shrinks steadily (like λ, or like √λ when m = d and S is square and ill-conditioned).
        double previousGap = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {1e-8, 1e-12, 1e-16, 1e-20, 1e-24}) {
            TheoryResult r = RandomProjectionTheory.predict(s, n, m, 0.1, 0.5, 0.5, lambda);
            assertThat(r.converged()).isTrue();
            assertThat(r.residual()).isLessThan(1e-10);
            double gap = Math.abs(r.testError() - zero.testError());
            assertThat(gap).as("gap at lambda=%g", lambda).isLessThanOrEqualTo(previousGap);
            previousGap = gap;
        }
        assertThat(previousGap).isLessThan(1e-6 * zero.testError());
    }

    @Test
    void divergentRidgelessThresholdThrowsNamingLambda() {
        // m = n < d, n = d < m and m = n = d: λ = 0 at n = min(m, d).
        for (int[] x : new int[][] {{400, 200, 200}, {200, 200, 400}, {300, 300, 300}}) {
            for (Spectrum s : List.of(Spectrum.isotropic(x[0]), Spectrum.powerLaw(x[0], 1.5))) {
                assertThatThrownBy(() -> RandomProjectionTheory.predict(s, x[1], x[2], 0.1, 1, 0.5, 0))
                        .isInstanceOf(TheoryException.class)
                        .hasMessageContaining("diverges")
                        .hasMessageContaining("lambda = 0.0")
                        .hasMessageContaining("n = min(m, d)")
                        .hasMessageContaining("n = " + x[1] + ", m = " + x[2] + ", d = " + x[0]);
            }
            assertThatThrownBy(() -> RandomProjectionIsotropic.ridgeless(x[0], x[1], x[2], 0.1, 1, 0.5))
                    .isInstanceOf(TheoryException.class)
                    .hasMessageContaining("n = min(m, d)");
        }
    }

    @Test
    void nearTheThresholdSmallLambdaIsFiniteAndGrowsAsLambdaShrinks() {
        Spectrum s = Spectrum.powerLaw(300, 1.0);
        double previous = 0;
        for (double lambda : new double[] {1e-1, 1e-3, 1e-5, 1e-7, 1e-9}) {
            TheoryResult r = RandomProjectionTheory.predict(s, 200, 200, 0.1, 1, 0.5, lambda);
            assertThat(r.testError()).isFinite().isGreaterThan(previous);
            assertThat(r.converged()).isTrue();
            previous = r.testError();
        }
        assertThat(previous).isGreaterThan(1e3);
    }

    @Test
    void ridgelessEdgeCasesAwayFromTheThresholdAreFinite() {
        Spectrum s = Spectrum.powerLaw(300, 1.5);
        // m < n = d (no divergence: the sketched problem has m < n features), m = d < n (OLS), m > d > n, m < d < n.
        for (int[] nm : new int[][] {{300, 100}, {600, 300}, {200, 900}, {900, 100}, {100, 300}}) {
            TheoryResult r = RandomProjectionTheory.predict(s, nm[0], nm[1], 0.3, 1, 0.5, 0);
            assertThat(r.testError()).as("n=%d m=%d", nm[0], nm[1]).isFinite().isPositive();
            assertThat(r.zeta()).isPositive();
        }
        // m ≥ d < n, λ = 0: exactly the ridgeless OLS mixture formula.
        TheoryResult ols = RandomProjectionTheory.predict(s, 600, 300, 0.3, 1, 0.5, 0);
        double phi = 300.0 / 600;
        assertThat(ols.testError()).isCloseTo((0.25 + 0.3 * 0.7) * phi / (1 - phi) + 0.09, within(1e-12));
    }

    @Test
    void zetaVanishesWithoutSyntheticDataOrWithPerfectSyntheticData() {
        for (String kind : List.of("iso", "power:1.0", "power:1.5")) {
            Spectrum s = spectrum(kind, 250);
            for (int m : new int[] {50, 240, 260, 700}) {
                for (double lambda : new double[] {0, 1e-3, 0.1}) {
                    TheoryResult clean = RandomProjectionTheory.predict(s, 300, m, 0, 2, 0.5, lambda);
                    TheoryResult perfect = RandomProjectionTheory.predict(s, 300, m, 0.4, 0, 0.5, lambda);
                    TheoryResult mixed = RandomProjectionTheory.predict(s, 300, m, 0.4, 2, 0.5, lambda);
                    assertThat(clean.zeta()).isZero();
                    assertThat(perfect.zeta()).isZero();
                    assertThat(perfect.testError()).isCloseTo(clean.testError(), within(1e-14));
                    assertThat(mixed.zeta()).isPositive();
                    assertThat(mixed.bias()).isEqualTo(clean.bias());
                    assertThat(mixed.variance()).isEqualTo(clean.variance());
                    assertThat(mixed.testError())
                            .isCloseTo(mixed.bias() + mixed.variance() + mixed.zeta(), within(1e-14));
                }
            }
        }
    }

    @Test
    void zetaIsLinearInC2AndIncreasingInP2() {
        Spectrum s = Spectrum.powerLaw(200, 1.0);
        TheoryResult one = RandomProjectionTheory.predict(s, 400, 300, 0.2, 1, 0.5, 0.01);
        TheoryResult three = RandomProjectionTheory.predict(s, 400, 300, 0.2, 3, 0.5, 0.01);
        assertThat(three.zeta()).isCloseTo(3 * one.zeta(), within(1e-14));
        double previous = 0;
        for (double p2 : new double[] {0.001, 0.01, 0.1, 0.3, 0.6, 1}) {
            double z = RandomProjectionTheory.predict(s, 400, 300, p2, 1, 0.5, 0.01)
                    .zeta();
            assertThat(z).isGreaterThan(previous);
            previous = z;
        }
    }

    @ParameterizedTest(name = "{0} d={1} n={2} ridge lambda={3}")
    @CsvSource({
        "iso, 200, 400, 0.05",
        "power:1.0, 200, 400, 0.01",
        "power:1.5, 400, 200, 0.1",
        "power:1.0, 400, 200, 0",
        "iso, 200, 400, 0",
        "power:1.5, 300, 300, 0.02"
    })
    void infinitelyWideSketchIsRidgeWithPenaltyScaledByDOverM(String kind, int d, int n, double ridgeLambda) {
        // SSᵀ → (m/d) I, so ‖v‖² = (d/m)‖w‖² for the minimum-norm v with Sv = w: penalty λ on v is λ·d/m on w.
        Spectrum s = spectrum(kind, d);
        int m = 10_000_000;
        TheoryResult ridge = RidgeTheory.predict(s, n, 0.2, 2, 0.5, ridgeLambda);
        TheoryResult wide = RandomProjectionTheory.predict(s, n, m, 0.2, 2, 0.5, ridgeLambda * m / d);
        assertRelativelyClose(wide.testError(), ridge.testError(), 2e-4, "E");
        assertRelativelyClose(wide.zeta(), ridge.zeta(), 2e-4, "zeta");
        assertThat(wide.bias()).isCloseTo(ridge.bias(), offset(2e-4 * ridge.testError()));
        assertRelativelyClose(
                wide.effectiveRegularization(), ridge.effectiveRegularization(), 2e-4, "theta vs ridge kappa");
        // Finite but large widths converge towards it: the gap shrinks like d/m.
        double gapSmall = Math.abs(RandomProjectionTheory.predict(s, n, 20 * d, 0.2, 2, 0.5, ridgeLambda * 20)
                        .testError()
                - ridge.testError());
        double gapLarge = Math.abs(RandomProjectionTheory.predict(s, n, 200 * d, 0.2, 2, 0.5, ridgeLambda * 200)
                        .testError()
                - ridge.testError());
        assertThat(gapLarge).isLessThanOrEqualTo(gapSmall / 5);
    }

    @Test
    void solverCertificateOverAWideGrid() {
        List<String> failures = new ArrayList<>();
        int maxIterations = 0;
        for (String kind : List.of("iso", "power:0.5", "power:1.0", "power:1.5", "power:2.5")) {
            for (int d : new int[] {10, 300, 1000}) {
                Spectrum s = spectrum(kind, d);
                for (int n : new int[] {d / 3 + 1, d - 1, d, d + 1, 3 * d}) {
                    for (int m : new int[] {1, n / 2 + 1, n - 1, n, n + 1, d, 4 * d + 7}) {
                        for (double lambda : new double[] {0, 1e-12, 1e-6, 1e-2, 1, 1e4}) {
                            if (lambda == 0 && n == Math.min(m, d)) {
                                continue;
                            }
                            TheoryResult r = RandomProjectionTheory.predict(s, n, m, 0.3, 1, 0.5, lambda);
                            maxIterations = Math.max(maxIterations, r.iterations());
                            boolean ok = r.converged()
                                    && r.residual() <= 1e-10
                                    && Double.isFinite(r.testError())
                                    && r.bias() >= 0
                                    && r.variance() >= 0
                                    && r.zeta() >= 0
                                    && r.effectiveRegularization() >= 0;
                            if (!ok) {
                                failures.add(
                                        kind + " d=" + d + " n=" + n + " m=" + m + " lambda=" + lambda + " -> " + r);
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(maxIterations).isLessThan(60);
    }

    @Test
    void fixedPointsSatisfyTheirEquations() {
        Spectrum s = Spectrum.powerLaw(500, 1.5);
        double[] sig = s.eigenvalues();
        for (int[] nm : new int[][] {{200, 100}, {200, 400}, {800, 300}, {800, 1200}}) {
            for (double lambda : new double[] {1e-3, 0.1}) {
                RandomProjectionTheory.FixedPoint fp = RandomProjectionTheory.solve(s, nm[0], nm[1], lambda);
                double d1 = 0;
                for (double v : sig) {
                    d1 += v / (v + fp.theta());
                }
                int n = nm[0];
                int m = nm[1];
                assertThat(fp.kappa()).isCloseTo(fp.theta() * (m - d1) / 500, within(1e-9 * fp.kappa()));
                assertThat(fp.kappa() - lambda).isCloseTo(fp.kappa() * d1 / n, within(1e-9 * fp.kappa()));
            }
        }
    }

    @Test
    void predictFromProblemUsesTheRealisedSyntheticShare() {
        Spectrum s = Spectrum.powerLaw(300, 1.0);
        // p2 = 0.001 at n = 600 gives round(0.6) = 1 synthetic row: share 1/600.
        Problem p = Problem.randomProjection(s, 600, 400, 0.001, 2, 0.5, 0.01);
        TheoryResult viaProblem = RandomProjectionTheory.predict(p);
        TheoryResult exact = RandomProjectionTheory.predict(s, 600, 400, 1.0 / 600, 2, 0.5, 0.01);
        assertThat(viaProblem).isEqualTo(exact);
        assertThat(Theory.predict(p)).isEqualTo(exact);
    }

    @Test
    void badInputIsRejectedWithTheFieldName() {
        Spectrum s = Spectrum.isotropic(50);
        assertThatThrownBy(() -> RandomProjectionTheory.predict(s, 100, 40, 0.1, 1, 0.5, -1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> RandomProjectionTheory.predict(s, 100, 0, 0.1, 1, 0.5, 0.1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("m must be");
        assertThatThrownBy(() -> RandomProjectionTheory.predict(s, 100, 40, 1.5, 1, 0.5, 0.1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("p2");
        assertThatThrownBy(() -> RandomProjectionTheory.predict(s, 100, 40, 0.1, 1, 0.5, Double.NaN))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> RandomProjectionTheory.predict(Problem.ridge(s, 100, 0.1, 1, 0.5, 0.1)))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("random-projection");
    }

    @Test
    void extremePenaltiesStayFinite() {
        Spectrum s = Spectrum.powerLaw(200, 1.5);
        TheoryResult huge = RandomProjectionTheory.predict(s, 100, 300, 0.2, 1, 0.5, 1e12);
        assertThat(huge.testError()).isCloseTo(s.trace() / 200, within(1e-6)); // ŵ → 0: E → ‖w1‖²_Σ = tr Σ/d
        TheoryResult micro = RandomProjectionTheory.predict(s, 100, 300, 0.2, 1, 0.5, 1e-250);
        TheoryResult zero = RandomProjectionTheory.predict(s, 100, 300, 0.2, 1, 0.5, 0);
        assertThat(micro.testError()).isCloseTo(zero.testError(), within(1e-9 * zero.testError()));
    }
}
