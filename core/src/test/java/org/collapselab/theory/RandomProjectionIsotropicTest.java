package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The isotropic closed forms: hand-computed values, the cubic, and the ridgeless limit of the general-λ form. */
class RandomProjectionIsotropicTest {

    @Test
    void ridgelessMatchesHandComputedValuesInEachRegime() {
        // m < n < d: Bias = n(d−m)/(d(n−m)) = 1.5, Var = σ²m/(n−m) = 0.25,
        // ζ = c²p2 (m/(n−m))(1 − p2 m/d) + p2²c² m/d = 0.05·0.975 + 0.00125.
        TheoryResult a = RandomProjectionIsotropic.ridgeless(400, 200, 100, 0.1, 0.5, 0.5);
        assertThat(a.bias()).isCloseTo(1.5, within(1e-14));
        assertThat(a.variance()).isCloseTo(0.25, within(1e-14));
        assertThat(a.zeta()).isCloseTo(0.05, within(1e-14));
        // n < m < d: Bias = m(d−n)/(d(m−n)) = 1.5, g − 1 = n/(m−n) + n/(d−n) = 3, df2 = 150, K = 50,
        // ζ = 0.05·3·0.925 + 0.01·(0.5/400)·(150 + 3·50) = 0.1425.
        TheoryResult b = RandomProjectionIsotropic.ridgeless(400, 200, 300, 0.1, 0.5, 0.5);
        assertThat(b.bias()).isCloseTo(1.5, within(1e-14));
        assertThat(b.variance()).isCloseTo(0.75, within(1e-14));
        assertThat(b.zeta()).isCloseTo(0.1425, within(1e-14));
        // d < m, d < n: E = (σ² + c²p2(1−p2)) d/(n−d) + p2²c² = 0.295 + 0.005.
        TheoryResult c = RandomProjectionIsotropic.ridgeless(200, 400, 300, 0.1, 0.5, 0.5);
        assertThat(c.bias()).isZero();
        assertThat(c.testError()).isCloseTo(0.3, within(1e-14));
    }

    @ParameterizedTest(name = "d={0} n={1} m={2}")
    @CsvSource({
        "400, 200, 100",
        "400, 200, 300",
        "400, 200, 900",
        "200, 400, 300",
        "200, 400, 100",
        "200, 400, 200",
        "300, 600, 150",
        "300, 200, 250",
        "300, 301, 300"
    })
    void generalLambdaFormTendsToTheRidgelessForm(int d, int n, int m) {
        // (At m = d the approach is like √λ: the square sketch S is ill-conditioned; hence a very small λ.)
        TheoryResult zero = RandomProjectionIsotropic.ridgeless(d, n, m, 0.3, 2, 0.7);
        TheoryResult tiny = RandomProjectionIsotropic.predict(d, n, m, 0.3, 2, 0.7, 1e-22);
        assertThat(tiny.testError()).isCloseTo(zero.testError(), within(1e-6 * zero.testError()));
        assertThat(tiny.zeta()).isCloseTo(zero.zeta(), within(1e-6 * zero.zeta()));
        assertThat(RandomProjectionIsotropic.predict(d, n, m, 0.3, 2, 0.7, 0)).isEqualTo(zero);
    }

    @Test
    void cubicRootIsTheUniqueRootInItsInterval() {
        for (double mu : new double[] {0.01, 0.5, 1, 1.7, 30}) {
            for (double nu : new double[] {0.02, 0.5, 1, 2.5, 40}) {
                for (double lambda : new double[] {1e-10, 1e-4, 0.1, 10, 1e6}) {
                    double s = RandomProjectionIsotropic.smallestRoot(mu, nu, lambda);
                    double hi = Math.min(1, Math.min(mu, nu));
                    assertThat(s).isGreaterThan(0).isLessThanOrEqualTo(hi);
                    double lhs = (1 - s) * (mu - s) * (nu - s);
                    assertThat(lhs)
                            .as("mu=%g nu=%g lambda=%g", mu, nu, lambda)
                            .isCloseTo(lambda * nu * s, within(1e-12 * Math.max(1, mu * nu)));
                }
            }
        }
    }
}
