package org.collapselab.classification;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RidgeRegression;

/**
 * Fits a linear classifier without intercept on rows X (N×d), labels y ∈ {−1, +1} and per-row weights c:
 * ŵ = argmin (1/N) Σ_i c_i ℓ(y_i, x_iᵀw) + λ‖w‖². Square loss: the weighted ridge solution (rows scaled by √c_i,
 * {@link RidgeRegression}). Logistic loss (λ &gt; 0, strictly convex): Newton's method with Armijo backtracking from
 * w = 0, each step solving (XᵀDX/N + 2λ)Δ = −∇ in the primal (d ≤ N) or, through the Woodbury identity, in the
 * N×N dual (d &gt; N); full steps once the Newton decrement ∇ᵀH⁻¹∇/2 is below 1e-4, and a last full step when it is
 * below {@link #DECREMENT_TOLERANCE} (the objective is then within about its square of the minimum). Written here
 * because no library on the class path has a weighted, intercept-free, ℓ2 logistic fit with a convergence guarantee.
 */
public final class ClassifierFit {
    /** Newton decrement ∇ᵀH⁻¹∇/2 below which the last (full) Newton step is taken and the fit stops. */
    public static final double DECREMENT_TOLERANCE = 1e-12;
    /** Newton decrement below which full steps are taken without line search. */
    private static final double FULL_STEP_DECREMENT = 1e-4;

    private static final int MAX_NEWTON = 200;

    private ClassifierFit() {}

    /** The fitted weights for {@code loss}; the zero vector when no row has weight. */
    public static double[] fit(Loss loss, Matrix x, double[] y, double[] c, double lambda) {
        return loss == Loss.SQUARE ? square(x, y, c, lambda) : logistic(x, y, c, lambda);
    }

    /** Weighted least squares on ±1 labels with ridge λ ≥ 0 (λ = 0: minimum-norm). */
    public static double[] square(Matrix x, double[] y, double[] c, double lambda) {
        int n = x.rows();
        int d = x.cols();
        if (n == 0) {
            return new double[d];
        }
        Matrix scaled = Matrix.zeros(n, d);
        double[] sy = new double[n];
        double[] xs = x.data();
        double[] out = scaled.data();
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(c[i]);
            sy[i] = r * y[i];
            for (int j = 0; j < d; j++) {
                out[i + j * n] = r * xs[i + j * n];
            }
        }
        return new RidgeRegression(lambda).fit(scaled, sy).weights();
    }

    /** Weighted ℓ2-penalised logistic regression, λ &gt; 0. */
    public static double[] logistic(Matrix x, double[] y, double[] c, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("logistic fit needs lambda > 0, got " + lambda);
        }
        int n = x.rows();
        int d = x.cols();
        double[] w = new double[d];
        if (n == 0) {
            return w;
        }
        Matrix kernel = d > n ? DenseOps.gram(x, 1.0) : null;
        double[] h = new double[n];
        double f = objective(h, y, c, w, lambda);
        for (int iter = 0; iter < MAX_NEWTON; iter++) {
            double[] coef = new double[n]; // ∂/∂h_i of the data term, times N
            double[] curv = new double[n]; // ∂²/∂h_i², times N
            for (int i = 0; i < n; i++) {
                double t = y[i] * h[i];
                double sm = sigmoid(-t);
                coef[i] = -c[i] * y[i] * sm / n;
                curv[i] = c[i] * sm * (1 - sm) / n;
            }
            double[] grad = DenseOps.multiplyVector(x, coef, true, 1.0);
            for (int j = 0; j < d; j++) {
                grad[j] += 2 * lambda * w[j];
            }
            double[] step =
                    kernel == null ? primalStep(x, curv, grad, lambda) : dualStep(x, kernel, curv, grad, lambda);
            double slope = 0;
            for (int j = 0; j < d; j++) {
                step[j] = -step[j];
                slope += grad[j] * step[j];
            }
            double decrement = -slope / 2;
            double[] dh = DenseOps.multiplyVector(x, step, false, 1.0);
            if (decrement <= FULL_STEP_DECREMENT) { // quadratic convergence: take the full Newton step
                DenseOps.addScaled(w, 1.0, step);
                DenseOps.addScaled(h, 1.0, dh);
                if (decrement <= DECREMENT_TOLERANCE) {
                    return w; // the next decrement would be of order this one squared
                }
                f = objective(h, y, c, w, lambda);
                continue;
            }
            double t = 1;
            for (int halvings = 0; ; halvings++) {
                double[] wt = w.clone();
                DenseOps.addScaled(wt, t, step);
                double[] ht = h.clone();
                DenseOps.addScaled(ht, t, dh);
                double ft = objective(ht, y, c, wt, lambda);
                if (ft <= f + 0.25 * t * slope) {
                    w = wt;
                    h = ht;
                    f = ft;
                    break;
                }
                if (halvings > 60) {
                    throw new IllegalStateException(
                            "logistic fit: no descent along the Newton direction (decrement " + decrement + ")");
                }
                t *= 0.5;
            }
        }
        throw new IllegalStateException("logistic fit did not converge in " + MAX_NEWTON + " Newton steps");
    }

    /** (XᵀDX + 2λ)⁻¹g with D = diag(curv), d ≤ N. */
    private static double[] primalStep(Matrix x, double[] curv, double[] g, double lambda) {
        int n = x.rows();
        int d = x.cols();
        Matrix scaled = Matrix.zeros(n, d);
        double[] xs = x.data();
        double[] out = scaled.data();
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(curv[i]);
            for (int j = 0; j < d; j++) {
                out[i + j * n] = r * xs[i + j * n];
            }
        }
        Matrix hess = DenseOps.gramTransposed(scaled, 1.0);
        hess.addToDiagonal(2 * lambda);
        return RidgeRegression.solveSymmetric(hess, g);
    }

    /**
     * (XᵀDX + 2λ)⁻¹g = (g − XᵀD^{1/2}(2λ + D^{1/2}XXᵀD^{1/2})⁻¹D^{1/2}Xg)/(2λ) (Woodbury), d &gt; N; K = XXᵀ.
     */
    private static double[] dualStep(Matrix x, Matrix kernel, double[] curv, double[] g, double lambda) {
        int n = x.rows();
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(curv[i]);
        }
        Matrix m = kernel.copy();
        double[] md = m.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                md[i + j * n] *= root[i] * root[j];
            }
        }
        m.addToDiagonal(2 * lambda);
        double[] xg = DenseOps.multiplyVector(x, g, false, 1.0);
        for (int i = 0; i < n; i++) {
            xg[i] *= root[i];
        }
        double[] inner = RidgeRegression.solveSymmetric(m, xg);
        for (int i = 0; i < n; i++) {
            inner[i] *= root[i];
        }
        double[] back = DenseOps.multiplyVector(x, inner, true, 1.0);
        double[] out = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            out[j] = (g[j] - back[j]) / (2 * lambda);
        }
        return out;
    }

    /** (1/N)Σ c_i log(1 + e^{−y_i h_i}) + λ‖w‖². */
    private static double objective(double[] h, double[] y, double[] c, double[] w, double lambda) {
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            if (c[i] != 0) {
                sum += c[i] * softplus(-y[i] * h[i]);
            }
        }
        return sum / h.length + lambda * DenseOps.dot(w, w);
    }

    /** log(1 + e^t), stable for large |t|. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    /** 1/(1 + e^{−t}). */
    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
