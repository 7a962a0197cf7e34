package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link BinomialQuadrature}: exact on small supports, exact for polynomials of degree ≤ 8 on wide ones. */
class BinomialQuadratureTest {

    @Test
    void degenerateLawsHaveOneNode() {
        assertThat(BinomialQuadrature.of(0, 0.3).nodes()).containsExactly(0);
        assertThat(BinomialQuadrature.of(50, 0).nodes()).containsExactly(0);
        assertThat(BinomialQuadrature.of(50, 1).nodes()).containsExactly(50);
    }

    @Test
    void smallSupportIsThePmf() {
        BinomialQuadrature q = BinomialQuadrature.of(20, 0.3);
        assertThat(q.nodes()).hasSize(21);
        for (int k = 0; k <= 20; k++) {
            assertThat(q.weights()[k])
                    .isCloseTo(pmf(20, 0.3, k), org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void wideSupportsAreExactForPolynomialsUpToDegreeEight() {
        for (long[] tp : new long[][] {{500, 900}, {500, 200}, {3000, 500}, {100_000, 999}, {2000, 5}}) {
            long t = tp[0];
            double p = tp[1] / 1000.0;
            BinomialQuadrature q = BinomialQuadrature.of(t, p);
            assertThat(q.nodes()).hasSize(9);
            double mean = t * p;
            double sd = Math.sqrt(t * p * (1 - p));
            for (int j = 0; j <= 8; j++) {
                double exact = 0;
                double[] all = pmfs(t, p);
                for (int k = 0; k <= t; k++) {
                    exact += all[k] * Math.pow((k - mean) / sd, j);
                }
                double rule = 0;
                for (int i = 0; i < q.nodes().length; i++) {
                    rule += q.weights()[i] * Math.pow((q.nodes()[i] - mean) / sd, j);
                }
                assertThat(Math.abs(rule - exact))
                        .as("t=%d p=%s moment %d", t, p, j)
                        .isLessThan(1e-9 * Math.max(1, exact));
            }
            for (long node : q.nodes()) {
                assertThat(node).isBetween(0L, t);
            }
        }
    }

    /** All pmf values by logarithms of the factorial ratios, accumulated (test oracle). */
    private static double[] pmfs(long t, double p) {
        double[] out = new double[(int) t + 1];
        double logChoose = 0; // log C(t, k)
        for (int k = 0; k <= t; k++) {
            if (k > 0) {
                logChoose += Math.log((double) (t - k + 1) / k);
            }
            out[k] = Math.exp(logChoose + k * Math.log(p) + (t - k) * Math.log1p(-p));
        }
        return out;
    }

    /** Binomial pmf by logarithms (test oracle). */
    private static double pmf(long t, double p, long k) {
        double log = 0;
        for (long i = 1; i <= k; i++) {
            log += Math.log((double) (t - k + i) / i);
        }
        return Math.exp(log + k * Math.log(p) + (t - k) * Math.log1p(-p));
    }
}
