package org.collapselab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {
    private static Matrix gaussian(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, d);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = rng.nextGaussian();
        }
        return x;
    }

    private static double[] vector(int n, long seed) {
        return new SplittableRandom(seed).doubles(n).map(v -> v - 0.5).toArray();
    }

    /** The primal (d×d) and kernel (n×n) forms are the same estimator: compare on a square-ish problem via both paths. */
    @Test
    void primalAndKernelFormsAgree() {
        int n = 30;
        int d = 45;
        Matrix x = gaussian(n, d, 1);
        double[] y = vector(n, 2);
        double lambda = 0.3;
        double[] kernel = new RidgeRegression(lambda).fit(x, y).weights(); // d > n: kernel path
        // Primal normal equations by hand: (XᵀX/n + λI) w = Xᵀy/n.
        Matrix g = DenseOps.gramTransposed(x, 1.0 / n);
        g.addToDiagonal(lambda);
        double[] primal = DenseOps.choleskySolveInPlace(g, DenseOps.multiplyVector(x, y, true, 1.0 / n));
        for (int i = 0; i < d; i++) {
            assertThat(kernel[i]).isCloseTo(primal[i], within(1e-10));
        }
    }

    @Test
    void ridgelessOverparameterisedIsTheMinimumNormInterpolator() {
        int n = 20;
        int d = 50;
        Matrix x = gaussian(n, d, 3);
        double[] y = vector(n, 4);
        double[] w = new RidgeRegression(0).fit(x, y).weights();
        double[] fitted = DenseOps.multiplyVector(x, w, false, 1.0);
        for (int i = 0; i < n; i++) {
            assertThat(fitted[i]).isCloseTo(y[i], within(1e-9)); // interpolates
        }
        // Minimum norm: w lies in the row space of X, i.e. it is orthogonal to (I − Xᵀ(XXᵀ)⁻¹X)z for any z.
        double[] z = vector(d, 5);
        Matrix k = DenseOps.gram(x, 1.0);
        double[] beta = DenseOps.choleskySolveInPlace(k, DenseOps.multiplyVector(x, z, false, 1.0));
        double[] proj = DenseOps.multiplyVector(x, beta, true, 1.0);
        double[] nullPart = new double[d];
        for (int i = 0; i < d; i++) {
            nullPart[i] = z[i] - proj[i];
        }
        assertThat(DenseOps.dot(nullPart, nullPart)).isGreaterThan(1e-3); // a real null-space component exists
        assertThat(DenseOps.dot(w, nullPart)).isCloseTo(0, within(1e-8));
    }

    @Test
    void ridgelessUnderparameterisedRecoversTheTeacherWithoutNoise() {
        int n = 80;
        int d = 10;
        Matrix x = gaussian(n, d, 6);
        double[] w0 = vector(d, 7);
        double[] y = DenseOps.multiplyVector(x, w0, false, 1.0);
        double[] w = new RidgeRegression(0).fit(x, y).weights();
        for (int i = 0; i < d; i++) {
            assertThat(w[i]).isCloseTo(w0[i], within(1e-10));
        }
    }

    @Test
    void randomProjectionWithIdentityLikeSketchEqualsRidgeOnX() {
        int n = 40;
        int d = 8;
        Matrix x = gaussian(n, d, 8);
        double[] y = vector(n, 9);
        Matrix identity = Matrix.zeros(d, d);
        identity.addToDiagonal(1);
        double[] direct = new RidgeRegression(0.1).fit(x, y).weights();
        double[] viaSketch = new RandomProjectionRidge(identity, 0.1).fit(x, y).weights();
        for (int i = 0; i < d; i++) {
            assertThat(viaSketch[i]).isCloseTo(direct[i], within(1e-12));
        }
    }
}
