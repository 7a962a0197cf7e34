package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * The synthetic rows' own linear fit (intercept by centring on the synthetic means): least squares when
 * n2 ≥ 2(d + 2), otherwise ridge with λ2 chosen by generalised cross-validation (Golub, Heath and Wahba 1979), both
 * through the eigendecomposition of the centred Gram matrix (pseudo-inverse for repeated or constant columns).
 *
 * @param slope ŵ2
 * @param featureMean synthetic feature means
 * @param labelMean synthetic label mean
 * @param noiseVariance σ̂2² = RSS/(n2 − 1 − dof)
 * @param noiseStdError its standard error from the spread of the squared residuals
 * @param covariance σ̂2²·V(G + λ2)⁻¹G(G + λ2)⁻¹Vᵀ, the covariance of ŵ2 given the design
 * @param secondMoment the synthetic covariance Ŝ2 = G/(n2 − 1)
 * @param ridge λ2 (0 = least squares)
 */
public record SyntheticFit(
        double[] slope,
        double[] featureMean,
        double labelMean,
        double noiseVariance,
        double noiseStdError,
        Matrix covariance,
        Matrix secondMoment,
        double ridge) {

    /** Fits rows z (standardised) and labels y. */
    public static SyntheticFit of(Matrix z, double[] y) {
        int n = z.rows();
        int d = z.cols();
        double[] mean = Rows.columnMeans(z);
        double ym = Rows.mean(y);
        Matrix zc = Rows.centred(z, mean);
        double[] yc = Rows.centred(y, ym);
        Matrix vecs = DenseOps.gramTransposed(zc, 1.0);
        Matrix second = scaled(vecs, 1.0 / Math.max(1, n - 1));
        double[] e = new double[d];
        DenseOps.symmetricEigenInPlace(vecs, e);
        double max = 0;
        for (double v : e) {
            max = Math.max(max, v);
        }
        double cut = max * 1e-10;
        double[] proj = DenseOps.multiplyVector(vecs, DenseOps.multiplyVector(zc, yc, true, 1.0), true, 1.0);
        double yy = DenseOps.dot(yc, yc);
        double lambda = 0;
        if (n < 2 * (d + 2)) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 36; i++) {
                double l = Math.max(max, 1e-12) * Math.pow(10, -8 + i * 0.25);
                double[] rd = rssAndDof(e, proj, yy, l, cut);
                double gcv = rd[0] / Math.pow(Math.max(1e-9, n - 1 - rd[1]), 2);
                if (gcv < best) {
                    best = gcv;
                    lambda = l;
                }
            }
        }
        double[] coefEig = new double[d];
        double[] varEig = new double[d];
        for (int i = 0; i < d; i++) {
            if (e[i] > cut) {
                coefEig[i] = proj[i] / (e[i] + lambda);
                varEig[i] = e[i] / ((e[i] + lambda) * (e[i] + lambda));
            }
        }
        double[] slope = DenseOps.multiplyVector(vecs, coefEig, false, 1.0);
        double[] fitted = DenseOps.multiplyVector(zc, slope, false, 1.0);
        double[] sq = new double[n];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = yc[i] - fitted[i];
            sq[i] = r * r;
            rss += sq[i];
        }
        double dof = rssAndDof(e, proj, yy, lambda, cut)[1];
        double denom = Math.max(1, n - 1 - dof);
        double s2 = rss / denom;
        double se = Math.sqrt(Rows.meanAndVariance(sq)[1] * n) / denom;
        Matrix cov = Matrix.zeros(d, d);
        for (int k = 0; k < d; k++) {
            if (varEig[k] == 0) {
                continue;
            }
            double f = s2 * varEig[k];
            for (int j = 0; j < d; j++) {
                double vj = vecs.get(j, k) * f;
                for (int i = 0; i < d; i++) {
                    cov.data()[i + j * d] += vecs.get(i, k) * vj;
                }
            }
        }
        return new SyntheticFit(slope, mean, ym, s2, se, cov, second, lambda);
    }

    /** {RSS, dof} of ridge λ in the eigenbasis (proj = Vᵀzᵀy, yy = yᵀy). */
    private static double[] rssAndDof(double[] e, double[] proj, double yy, double l, double cut) {
        double rss = yy;
        double dof = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] > cut) {
                double h = e[i] / (e[i] + l);
                rss -= proj[i] * proj[i] / (e[i] + l) * (2 - h);
                dof += h;
            }
        }
        return new double[] {Math.max(rss, 0), dof};
    }

    /** Residuals y − ŷ2 of other rows (standardised) under this fit, intercept included. */
    public double[] residuals(Matrix z, double[] y) {
        double[] p = DenseOps.multiplyVector(z, slope, false, 1.0);
        double c = labelMean - DenseOps.dot(featureMean, slope);
        double[] r = new double[y.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - p[i] - c;
        }
        return r;
    }

    static Matrix scaled(Matrix a, double f) {
        double[] out = a.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return new Matrix(a.rows(), a.cols(), out);
    }
}
