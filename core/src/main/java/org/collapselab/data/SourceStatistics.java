package org.collapselab.data;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * The sufficient statistics of one Gaussian source of k rows x ~ N(0, Σ) (Σ diagonal): the Gram matrix G = XᵀX and
 * a way to draw the label cross term Xᵀy for labels y = Xw + σε, which is all a ridge or random-projection fit
 * sees of the data. Drawn exactly in law without the rows:
 * <ul>
 *   <li>k ≥ d: G = Σ^{1/2} MᵀM Σ^{1/2} with MᵀM ~ Wishart_d(k, I) by the Bartlett decomposition ({@link #bartlettFactor},
 *       O(d²) random numbers and d³/3 flops, independent of k); G = TᵀT with T = MΣ^{1/2} lower-triangular, and
 *       Xᵀε | G ~ N(0, G) is drawn as Tᵀz, z ~ N(0, I_d).</li>
 *   <li>k &lt; d (Bartlett needs k ≥ d): the k×d rows are drawn directly (k·d numbers, k·d² flops, below the d³ of
 *       the Bartlett route) and Xᵀε is computed from them.</li>
 * </ul>
 * Loops (labels from a previous fit ŵ) use {@link #crossTerm} with w = ŵ: Xᵀy = Gŵ + σXᵀε.
 * Not drawn (the fits do not need it): yᵀy, which would follow as wᵀGw + 2σwᵀXᵀε + σ²(zᵀz + χ²(k − d)).
 */
public final class SourceStatistics {
    private final Matrix gram;
    private final Matrix lowerRoot;
    private final Matrix rows;
    private final long count;

    private SourceStatistics(Matrix gram, Matrix lowerRoot, Matrix rows, long count) {
        this.gram = gram;
        this.lowerRoot = lowerRoot;
        this.rows = rows;
        this.count = count;
    }

    /** True when a source of {@code rows} rows in dimension d is drawn by Bartlett (rows ≥ d), else row by row. */
    public static boolean usesBartlett(int d, long rows) {
        return rows >= d;
    }

    /** Draws the statistics of {@code rows} rows x ~ N(0, Σ) with Σ = diag(spectrum). */
    public static SourceStatistics draw(Spectrum spectrum, long rows, RandomGenerator rng) {
        int d = spectrum.dimension();
        if (rows < 0) {
            throw new ParameterException("rows", rows, "an integer >= 0");
        }
        if (usesBartlett(d, rows)) {
            Matrix t = bartlettFactor(d, rows, rng);
            double[] a = t.data();
            for (int j = 0; j < d; j++) { // T = M Σ^{1/2}: scale column j
                double s = Math.sqrt(spectrum.eigenvalue(j));
                for (int i = j; i < d; i++) {
                    a[i + j * d] *= s;
                }
            }
            return new SourceStatistics(DenseOps.lowerGramTransposed(t), t, null, rows);
        }
        int k = (int) rows;
        Matrix x = Matrix.zeros(k, d);
        double[] a = x.data();
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(spectrum.eigenvalue(j));
            for (int i = 0, base = j * k; i < k; i++) {
                a[base + i] = s * rng.nextGaussian();
            }
        }
        return new SourceStatistics(DenseOps.gramTransposed(x, 1.0), null, x, rows);
    }

    /**
     * Lower-triangular M (d×d) with MᵀM ~ Wishart_d(k, I): M_ii² ~ χ²(k − d + i) (i = 1..d), M_ij ~ N(0, 1) for i &gt; j.
     * This is the Bartlett decomposition W = LLᵀ (L_ii² ~ χ²(k − i + 1)) with the index order reversed, which keeps
     * the law (Wishart(k, I) is permutation invariant) and lets LAPACK's dlauum form MᵀM in d³/3 flops. Needs k ≥ d.
     * Source: Bartlett (1933); e.g. Anderson, An Introduction to Multivariate Statistical Analysis, Thm 7.2.1.
     */
    public static Matrix bartlettFactor(int d, long k, RandomGenerator rng) {
        if (k < d) {
            throw new ParameterException("rows", k, "an integer >= d = " + d + " for the Bartlett decomposition");
        }
        Matrix m = Matrix.zeros(d, d);
        double[] a = m.data();
        UniformRandomProvider urp = rng::nextLong;
        for (int j = 0; j < d; j++) {
            // χ²(ν) = 2·Gamma(ν/2, 1), ν = k − d + (j + 1).
            double nu = (double) (k - d + j + 1);
            a[j + j * d] = Math.sqrt(
                    AhrensDieterMarsagliaTsangGammaSampler.of(urp, nu / 2, 2.0).sample());
            for (int i = j + 1; i < d; i++) {
                a[i + j * d] = rng.nextGaussian();
            }
        }
        return m;
    }

    /**
     * G = XᵀX (d×d, full symmetric): the statistics' own matrix, not a copy. {@link #crossTerm} reads it, so a caller
     * may use it as working storage only after its last cross term.
     */
    public Matrix gram() {
        return gram;
    }

    /** Number of rows k. */
    public long rows() {
        return count;
    }

    /** σ·Xᵀε for a fresh ε ~ N(0, I_k) (zero when σ = 0 or k = 0). */
    public double[] noiseCross(double sigma, RandomGenerator rng) {
        int d = gram.rows();
        double[] out = new double[d];
        if (sigma == 0 || count == 0) {
            return out;
        }
        if (lowerRoot != null) {
            for (int i = 0; i < d; i++) {
                out[i] = rng.nextGaussian();
            }
            DenseOps.lowerTimesVectorInPlace(lowerRoot, true, out); // Tᵀz ~ N(0, TᵀT) = N(0, G)
            for (int i = 0; i < d; i++) {
                out[i] *= sigma;
            }
            return out;
        }
        double[] eps = new double[rows.rows()];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = rng.nextGaussian();
        }
        return DenseOps.multiplyVector(rows, eps, true, sigma);
    }

    /** Xᵀy for labels y = Xw + σε with a fresh ε: Gw + σXᵀε. */
    public double[] crossTerm(double[] w, double sigma, RandomGenerator rng) {
        double[] b = DenseOps.multiplyVector(gram, w, false, 1.0);
        DenseOps.addScaled(b, 1.0, noiseCross(sigma, rng));
        return b;
    }
}
