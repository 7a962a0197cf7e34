package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limits of {@link WeightedRandomProjectionTheory}: its general solver against the exact A = 1 and A = 0 cases. */
class WeightedRandomProjectionTheoryTest {

    @ParameterizedTest(name = "{0} d={1} n={2} m={3} λ={4}")
    @CsvSource({
        "iso,100,200,50,0.01",
        "iso,100,200,300,0.01",
        "power:1.0,100,150,75,0.001",
        "power:1.0,300,100,150,0.1",
        "power:1.5,200,400,1000,1e-4",
        "iso,100,400,50,0",
        "power:1.0,200,100,50,0"
    })
    void generalSolverIsContinuousAtTheExactEndpoints(String kind, int d, int n, long m, double lambda) {
        Spectrum s = org.collapselab.testing.Agreement.spectrum(kind, d);
        long n2 = n / 2;
        long n1 = n - n2;
        TheoryResult one = WeightedRandomProjectionTheory.predict(s, n1, n2, m, 1.3, 0.4, 0.7, 1.0, lambda);
        TheoryResult near = WeightedRandomProjectionTheory.predict(s, n1, n2, m, 1.3, 0.4, 0.7, 1 + 1e-9, lambda);
        assertThat(near.testError()).isCloseTo(one.testError(), within(1e-6 * one.testError()));
        assertThat(near.converged()).isTrue();
        // A = 1 with σ2 = σ1 is the paper's theory itself.
        TheoryResult paper = RandomProjectionTheory.predict(s, n, m, (double) n2 / n, 1.3, 0.4, lambda);
        assertThat(WeightedRandomProjectionTheory.predict(s, n1, n2, m, 1.3, 0.4, 0.4, 1.0, lambda)
                        .testError())
                .isCloseTo(paper.testError(), within(1e-12 * paper.testError()));
        if (n1 != Math.min(m, d)) {
            TheoryResult zero = WeightedRandomProjectionTheory.predict(s, n1, n2, m, 1.3, 0.4, 0.7, 0, lambda);
            TheoryResult tiny = WeightedRandomProjectionTheory.predict(s, n1, n2, m, 1.3, 0.4, 0.7, 1e-9, lambda);
            assertThat(tiny.testError()).isCloseTo(zero.testError(), within(1e-5 * zero.testError()));
        }
    }

    /** Ridgeless with n &lt; min(m, d): the minimum-norm interpolant ignores row weights (the solver finds r = 1). */
    @ParameterizedTest(name = "A={0}")
    @CsvSource({"0.1", "0.5", "4"})
    void interpolationIgnoresWeights(double weight) {
        Spectrum s = Spectrum.powerLaw(300, 1.0);
        double base = WeightedRandomProjectionTheory.predict(s, 60, 60, 200, 1.0, 0.5, 0.5, 1.0, 0)
                .testError();
        double weighted = WeightedRandomProjectionTheory.predict(s, 60, 60, 200, 1.0, 0.5, 0.5, weight, 0)
                .testError();
        assertThat(weighted).isCloseTo(base, within(1e-9 * base));
    }
}
