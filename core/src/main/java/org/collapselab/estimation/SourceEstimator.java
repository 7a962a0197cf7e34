package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Estimates the two-source regime from a user's data ({@link TwoSourceData}, standardised units), from 10 real rows
 * up at any d.
 *
 * <p>The synthetic rows, usually plentiful, are fitted first ({@link SyntheticFit}: ŵ2, σ2², Cov ŵ2). The real rows'
 * residuals from that fit, r = y1 − ŷ2 = −xᵀδ + ε1 with δ = ŵ2 − w1, carry everything about the real source: their
 * mean is the label offset b1 − b2, their variance is ‖δ‖²_Σ1 + σ1² ("gap" + noise). The gap is split from the noise
 * by one of two routes:
 * <ul>
 *   <li>{@code u-statistic} (n1 &lt; d + 1 + max(10, d/2)): the unbiased U-statistic of ‖Cov(Σ̃^{-1/2}x, r)‖² =
 *   δᵀΣ1Σ̃⁻¹Σ1δ ({@link CovarianceU}), a moment estimator in the spirit of Dicker (2014) that needs no fit on the
 *   real rows, so it works for n1 &lt; d. It equals the gap when Σ̃ = Σ1; Σ̃ is the synthetic rows' correlation
 *   matrix (the real features have unit variance after standardisation), shrunk towards I by d/(n2 + d), so it is
 *   independent of the real rows. σ1² = Var(r) − gap. Standard errors by the jackknife.</li>
 *   <li>{@code least-squares} (otherwise, at least 10 residual degrees of freedom): σ1² = RSS1/(n1 − d − 1) of the real rows' own least-squares fit ŵ1
 *   and gap = ‖ŵ1 − ŵ2‖²_Σ̂1 − tr(Σ̂1V1), V1 the HC2 covariance of ŵ1 (MacKinnon and White 1985): unbiased with no
 *   assumption on Σ1 or on the noise; the variance 4uᵀV1u + 2tr((Σ̂1V1)²) + Var((xᵀδ̂)²)/n1, u = Σ̂1δ̂.</li>
 * </ul>
 * Then c² = gap − tr(Σ1V2) (the synthetic fit's own estimation error), with variance inflated by
 * 4·gap·‖Σ1V2‖ + 2tr((Σ1V2)²); the interval uses Student's t with n1 − 1 degrees of freedom. Σ1 for the theory is
 * (n1Ŝ1 + dΣ̃)/(n1 + d).
 */
public final class SourceEstimator {
    /** Fewest real rows {@code diagnose} works with. */
    public static final int MINIMUM_REAL_ROWS = 10;
    /** Fewest synthetic rows. */
    public static final int MINIMUM_SYNTHETIC_ROWS = 10;

    private SourceEstimator() {}

    /** True when the least-squares route is used for n1 real rows and d features. */
    public static boolean leastSquaresRoute(int n1, int d) {
        return n1 >= d + 1 + Math.max(10, d / 2);
    }

    /** The estimates in standardised units. */
    public static SourceEstimates estimate(TwoSourceData data) {
        int d = data.dimension();
        int n1 = data.realRows();
        int n2 = data.syntheticRows();
        if (n1 < MINIMUM_REAL_ROWS || n2 < MINIMUM_SYNTHETIC_ROWS) {
            throw new IllegalArgumentException("need at least " + MINIMUM_REAL_ROWS + " real and "
                    + MINIMUM_SYNTHETIC_ROWS + " synthetic rows, got " + n1 + " and " + n2);
        }
        SyntheticFit syn = SyntheticFit.of(data.synthetic(), data.syntheticLabels());
        double[] r = syn.residuals(data.real(), data.realLabels());
        double[] rmv = Rows.meanAndVariance(r);
        Matrix proxy = proxy(syn.secondMoment(), n2);
        Matrix realCentred = Rows.centred(data.real(), Rows.columnMeans(data.real()));
        Matrix s1 = DenseOps.gramTransposed(realCentred, 1.0 / (n1 - 1));
        Matrix sigma1 = blend(s1, n1, proxy, d);

        String route;
        double gap;
        double gapVar;
        double noise;
        double noiseVar;
        double cov;
        if (leastSquaresRoute(n1, d)) {
            route = "least-squares";
            Ols real = Ols.fit(data.real(), data.realLabels());
            double[] delta = minus(real.slope(), syn.slope());
            Matrix v1 = real.hc2Covariance();
            Matrix sv = DenseOps.multiply(s1, v1);
            gap = quadratic(s1, delta, delta) - trace(sv);
            double[] u = DenseOps.multiplyVector(s1, delta, false, 1.0);
            gapVar = 4 * quadratic(v1, u, u) + 2 * traceOfSquare(sv) + designVariance(realCentred, delta);
            noise = real.noiseVariance();
            noiseVar = Math.pow(real.noiseVarianceStdError(), 2);
            cov = -noiseVar * d / (n1 - 1.0);
        } else {
            route = "u-statistic";
            CovarianceU u = CovarianceU.of(DenseOps.multiply(data.real(), inverseRoot(proxy)), r);
            gap = u.value();
            gapVar = u.valueVariance();
            noise = u.variance() - u.value();
            noiseVar = u.varianceVariance() + u.valueVariance() - 2 * u.covariance();
            cov = u.covariance() - u.valueVariance();
        }
        Matrix sv2 = DenseOps.multiply(sigma1, syn.covariance());
        double fitVar = trace(sv2);
        double fitSq = traceOfSquare(sv2);
        double c2 = gap - fitVar;
        double c2Var = gapVar + 4 * Math.max(gap, 0) * Math.sqrt(fitSq) + 2 * fitSq;
        double se = Math.sqrt(Math.max(c2Var, 0));
        double t = studentQuantile(0.975, n1 - 1);
        double floor = 1e-6 * Math.max(rmv[1], 1e-12);
        noise = Math.max(noise, floor);
        double labelVar = Rows.meanAndVariance(data.realLabels())[1];
        double signal = Math.max(labelVar - noise, floor);

        Matrix basis = sigma1.copy();
        double[] ascending = new double[d];
        DenseOps.symmetricEigenInPlace(basis, ascending);
        Matrix synCov = syn.secondMoment();
        Matrix rotated = DenseOps.multiply(Ols.transpose(basis), DenseOps.multiply(synCov, basis));
        double[] realSpectrum = new double[d];
        double[] synSpectrum = new double[d];
        double off = 0;
        double all = 0;
        for (int i = 0; i < d; i++) {
            realSpectrum[i] = Math.max(ascending[d - 1 - i], 0);
            synSpectrum[i] = Math.max(rotated.get(d - 1 - i, d - 1 - i), 0);
            for (int j = 0; j < d; j++) {
                double v = rotated.get(i, j);
                all += v * v;
                off += i == j ? 0 : v * v;
            }
        }
        double diff = 0;
        double norm1 = 0;
        for (int i = 0; i < d * d; i++) {
            double a = sigma1.data()[i];
            double b = synCov.data()[i];
            diff += (b - a) * (b - a);
            norm1 += a * a;
        }
        double[] shift = syn.featureMean().clone();
        double meanShift = Math.sqrt(Math.max(0, quadratic(Ols.inverse(sigma1), shift, shift)));
        return new SourceEstimates(
                d,
                n1,
                n2,
                realSpectrum,
                synSpectrum,
                Math.sqrt(diff / Math.max(norm1, 1e-300)),
                all > 0 ? Math.sqrt(off / all) : 0,
                meanShift,
                noise,
                syn.noiseVariance(),
                Math.sqrt(Math.max(noiseVar, 0)),
                syn.noiseStdError(),
                signal,
                Math.max(0, c2),
                c2,
                se,
                Math.max(0, c2 - t * se),
                Math.max(0, c2 + t * se),
                0.95,
                route.equals("u-statistic") ? n1 : 0,
                route,
                gap,
                Math.sqrt(Math.max(gapVar, 0)),
                cov,
                rmv[0],
                Math.sqrt(rmv[1] / n1 + quadratic(syn.covariance(), shift, shift)),
                shift);
    }

    /** Σ̃: the synthetic correlation matrix shrunk towards I by d/(n2 + d). */
    static Matrix proxy(Matrix synCov, int n2) {
        int d = synCov.rows();
        double s = (double) d / (n2 + d);
        Matrix p = Matrix.zeros(d, d);
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = Math.sqrt(Math.max(synCov.get(i, i), 0));
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                double c = i == j ? 1 : (sd[i] > 0 && sd[j] > 0 ? synCov.get(i, j) / (sd[i] * sd[j]) : 0);
                p.set(i, j, (1 - s) * c + (i == j ? s : 0));
            }
        }
        return p;
    }

    /** (n1·S1 + d·P)/(n1 + d). */
    static Matrix blend(Matrix s1, int n1, Matrix p, int d) {
        double a = (double) n1 / (n1 + d);
        double[] out = new double[d * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * s1.data()[i] + (1 - a) * p.data()[i];
        }
        return new Matrix(d, d, out);
    }

    /** P^{-1/2} = V diag(e^{-1/2}) (columns; W = Z·P^{-1/2} has Cov = I when Cov z = P). */
    static Matrix inverseRoot(Matrix p) {
        int d = p.rows();
        Matrix v = p.copy();
        double[] e = new double[d];
        DenseOps.symmetricEigenInPlace(v, e);
        double max = e[d - 1];
        for (int k = 0; k < d; k++) {
            double f = e[k] > max * 1e-10 ? 1 / Math.sqrt(e[k]) : 0;
            for (int i = 0; i < d; i++) {
                v.set(i, k, v.get(i, k) * f);
            }
        }
        return v;
    }

    /** Var((xᵀδ)²)/n1 over the real rows: the error of Σ̂1 in δᵀΣ̂1δ. */
    private static double designVariance(Matrix real, double[] delta) {
        double[] proj = DenseOps.multiplyVector(real, delta, false, 1.0);
        for (int i = 0; i < proj.length; i++) {
            proj[i] *= proj[i];
        }
        return Rows.meanAndVariance(proj)[1] / proj.length;
    }

    /** Quantile of Student's t with ν degrees of freedom (Cornish–Fisher expansion about the normal quantile). */
    public static double studentQuantile(double p, int nu) {
        if (p != 0.975) {
            throw new IllegalArgumentException("only the 97.5% quantile is needed, got " + p);
        }
        double z = 1.959963984540054;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z
                + (z3 + z) / (4.0 * nu)
                + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
                + (3 * z5 * z * z + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
    }

    static double quadratic(Matrix m, double[] x, double[] y) {
        return DenseOps.dot(x, DenseOps.multiplyVector(m, y, false, 1.0));
    }

    static double trace(Matrix a) {
        double t = 0;
        for (int i = 0; i < a.rows(); i++) {
            t += a.get(i, i);
        }
        return t;
    }

    /** tr(A²) for a product A of symmetric matrices. */
    static double traceOfSquare(Matrix a) {
        int d = a.rows();
        double t = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t += a.get(i, j) * a.get(j, i);
            }
        }
        return t;
    }

    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
