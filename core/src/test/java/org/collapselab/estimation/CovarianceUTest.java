package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.collapselab.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** The O(n·p) U-statistic and its jackknife against their definitions computed by brute force. */
class CovarianceUTest {
    /** Unbiased ‖Cov(w, r)‖² by its definition: the average over ordered 4-tuples of distinct rows. */
    static double bruteForce(Matrix w, double[] r, int skip) {
        int n = r.length;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        if (i == j || i == k || i == l || j == k || j == l || k == l || i == skip || j == skip
                                || k == skip || l == skip) {
                            continue;
                        }
                        // h = (w_i − w_j)·(w_k − w_l) (r_i − r_j)(r_k − r_l) / 4 has mean ‖Cov(w, r)‖².
                        double dot = 0;
                        for (int c = 0; c < w.cols(); c++) {
                            dot += (w.get(i, c) - w.get(j, c)) * (w.get(k, c) - w.get(l, c));
                        }
                        sum += dot * (r[i] - r[j]) * (r[k] - r[l]) / 4;
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    @Test
    void matchesTheDefinitionAndItsJackknife() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 9;
        int p = 3;
        double[] a = new double[n * p];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) {
                a[i + c * n] = rng.nextGaussian();
            }
            r[i] = a[i] * 0.7 - a[i + n] * 0.2 + rng.nextGaussian();
        }
        Matrix w = new Matrix(n, p, a);
        CovarianceU u = CovarianceU.of(w, r);
        assertThat(u.value()).isCloseTo(bruteForce(w, r, -1), Offset.offset(1e-10));
        double[] loo = new double[n];
        double mean = 0;
        for (int m = 0; m < n; m++) {
            loo[m] = bruteForce(w, r, m);
            mean += loo[m] / n;
        }
        double jack = 0;
        for (double v : loo) {
            jack += (v - mean) * (v - mean) * (n - 1.0) / n;
        }
        assertThat(u.valueVariance()).isCloseTo(jack, Offset.offset(1e-10));
        assertThat(u.variance()).isCloseTo(Rows.meanAndVariance(r)[1], Offset.offset(1e-12));
    }
}
