package org.collapselab.simulation;

import java.util.random.RandomGenerator;
import org.collapselab.data.MixedSourceStatistics;
import org.collapselab.data.SimulationLimits;
import org.collapselab.data.SourceStatistics;
import org.collapselab.data.SyntheticShift;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RandomProjectionRidge;
import org.collapselab.model.RidgeRegression;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;

/**
 * One simulation fit from exact sufficient statistics instead of rows (Gaussian features only). Per source k,
 * Gk = XₖᵀXₖ and bk = Xₖᵀyₖ = Gk·wₖ + σₖXₖᵀεₖ are drawn from their laws ({@link SourceStatistics}; for the
 * paper's baseline mixture both sources at once, {@link MixedSourceStatistics}); then
 * <ul>
 *   <li>mix, ridge: G = G1 + A·G2, b = b1 + A·b2 (A = synthetic weight: the weighted loss scales a synthetic row by
 *       √A), solve (G/n + λ)ŵ = b/n — the primal form, equal to the kernel form also when d &gt; n;</li>
 *   <li>prior: (G1/n1 + λ)v = (b1 − G1w2)/n1, ŵ = w2 + v (only the real source is drawn); for random projections
 *       the target is w2's width-m representation t = Pw2 ({@link RandomProjectionRidge#projectTeacher}; t = w2 for
 *       m ≥ d) and v is the sketched fit below of (G1, b1 − G1t) with n1 rows;</li>
 *   <li>random projections, m &lt; d: S drawn as in the direct route, ZᵀZ = SᵀGS, Zᵀy = Sᵀb, (SᵀGS/n + λ)v = Sᵀb/n,
 *       ŵ = Sv;</li>
 *   <li>random projections, m ≥ d: S = CQ with SSᵀ = CCᵀ and Q (d×m) with orthonormal rows, so fitting v on Z = XS
 *       is fitting u = Qv on XC (‖v‖ = ‖u‖ on the minimum-norm/ridge solution) and ŵ = Sv = Cu. SSᵀ ~
 *       Wishart_d(m, I/d), so C is drawn by Bartlett (C = Mᵀ/√d) and the fit solves (CᵀGC/n + λ)u = Cᵀb/n — O(d³)
 *       whatever m and n, on either side of m = n.</li>
 * </ul>
 * The teacher w1 and shift Δ are drawn before, exactly as in the direct route.
 */
final class ExactSampling {
    private ExactSampling() {}

    /** The fitted weights ŵ for one run. */
    static double[] fit(Problem p, double[] w1, double[] delta, RandomGenerator rng) {
        SimulationLimits.width(p);
        double[] w2 = SyntheticShift.syntheticTeacher(w1, delta);
        RidgeRegression ridge = new RidgeRegression(p.lambda());
        if (sharedSources(p)) {
            MixedSourceStatistics.Drawn both = MixedSourceStatistics.draw(
                    p.spectrum(), p.realCount(), p.syntheticCount(), w1, delta, p.sigma(), rng);
            return fitMixed(p, both.gram(), both.xty(), ridge, rng, p.n());
        }
        if (p.estimator() == Estimator.PRIOR) {
            return prior(p, w1, w2, ridge, rng);
        }
        double[] b;
        Matrix g; // working storage from here on (the real cross term is drawn)
        if (p.realCount() > 0) {
            SourceStatistics real = SourceStatistics.draw(p.spectrum(), p.realCount(), rng);
            b = real.crossTerm(w1, p.sigma(), rng);
            g = real.gram();
        } else { // no real rows (p2 = 1): the synthetic source alone
            b = new double[p.d()];
            g = Matrix.zeros(p.d(), p.d());
        }
        if (p.syntheticCount() > 0) {
            SourceStatistics synthetic = SourceStatistics.draw(p.effectiveSyntheticSpectrum(), p.syntheticCount(), rng);
            double a = p.syntheticWeight();
            DenseOps.addScaled(g.data(), a, synthetic.gram().data());
            DenseOps.addScaled(b, a, synthetic.crossTerm(w2, p.syntheticSigma(), rng));
        }
        return fitMixed(p, g, b, ridge, rng, p.n());
    }

    /**
     * The prior estimator: target t (w2, or for rp with m &lt; d its width-m representation Pw2 on a sketch drawn
     * first), then b1 − G1t = G1(w1 − t) + σ1X1ᵀε1 from the real rows' statistics and the model's fit with n1 rows;
     * ŵ = t + that fit (t alone when there are no real rows).
     */
    private static double[] prior(Problem p, double[] w1, double[] w2, RidgeRegression ridge, RandomGenerator rng) {
        int m = p.model() == ModelKind.RIDGE ? 0 : SimulationLimits.width(p);
        Matrix s = m > 0 && m < p.d() ? RandomProjectionRidge.sampleProjection(p.d(), m, rng) : null;
        double[] t = s == null
                ? w2
                : RandomProjectionRidge.projectTeacher(s, p.spectrum().eigenvalues(), w2);
        if (p.realCount() == 0) {
            return t;
        }
        SourceStatistics real = SourceStatistics.draw(p.spectrum(), p.realCount(), rng);
        double[] diff = w1.clone();
        DenseOps.addScaled(diff, -1.0, t);
        double[] rhs = DenseOps.multiplyVector(real.gram(), diff, false, 1.0);
        DenseOps.addScaled(rhs, 1.0, real.noiseCross(p.sigma(), rng));
        double[] v = s != null
                ? sketched(s, real.gram(), rhs, ridge, p.realCount())
                : fitMixed(p, real.gram(), rhs, ridge, rng, p.realCount());
        DenseOps.addScaled(v, 1.0, t);
        return v;
    }

    /**
     * True for the paper's baseline mixture (Σ2 = Σ, σ2 = σ, A = 1, both sources present, n ≥ d + 1), whose two sources
     * are drawn in one Wishart ({@link MixedSourceStatistics}).
     */
    static boolean sharedSources(Problem p) {
        return p.estimator() == Estimator.MIX
                && p.syntheticSpectrum() == null
                && p.syntheticSigma() == p.sigma()
                && p.syntheticWeight() == 1.0
                && MixedSourceStatistics.applies(p.d(), p.realCount(), p.syntheticCount());
    }

    /** The model's fit from G = Σ aₖGₖ and b = Σ aₖbₖ of {@code rows} rows (both overwritten). */
    static double[] fitMixed(Problem p, Matrix g, double[] b, RidgeRegression ridge, RandomGenerator rng, long rows) {
        int d = p.d();
        if (p.model() == ModelKind.RIDGE) {
            return ridge.fitNormalEquations(g, b, rows).weights();
        }
        int m = SimulationLimits.width(p);
        if (m >= d) {
            Matrix mm = SourceStatistics.bartlettFactor(d, m, rng); // CCᵀ = MᵀM/d ~ law of SSᵀ
            DenseOps.lowerTimesMatrixInPlace(mm, true, false, g); // M·G
            DenseOps.lowerTimesMatrixInPlace(mm, false, true, g); // M·G·Mᵀ
            double scale = 1.0 / d;
            double[] ga = g.data();
            for (int i = 0; i < ga.length; i++) {
                ga[i] *= scale;
            }
            symmetrize(g);
            DenseOps.lowerTimesVectorInPlace(mm, false, b); // M·b
            double root = Math.sqrt(scale);
            for (int i = 0; i < d; i++) {
                b[i] *= root;
            }
            double[] u = ridge.fitNormalEquations(g, b, rows).weights();
            DenseOps.lowerTimesVectorInPlace(mm, true, u); // ŵ = Cu = Mᵀu/√d
            for (int i = 0; i < d; i++) {
                u[i] *= root;
            }
            return u;
        }
        return sketched(RandomProjectionRidge.sampleProjection(d, m, rng), g, b, ridge, rows);
    }

    /** ŵ = Sv with (SᵀGS/rows + λ)v = Sᵀb/rows. */
    private static double[] sketched(Matrix s, Matrix g, double[] b, RidgeRegression ridge, long rows) {
        Matrix f = DenseOps.multiplyTransposedLeft(s, DenseOps.multiply(g, s));
        symmetrize(f);
        double[] c = DenseOps.multiplyVector(s, b, true, 1.0);
        double[] v = ridge.fitNormalEquations(f, c, rows).weights();
        return DenseOps.multiplyVector(s, v, false, 1.0);
    }

    /** Averages a numerically almost-symmetric matrix with its transpose (rounding in the products). */
    private static void symmetrize(Matrix a) {
        int k = a.rows();
        double[] x = a.data();
        for (int j = 0; j < k; j++) {
            for (int i = j + 1; i < k; i++) {
                double v = 0.5 * (x[i + j * k] + x[j + i * k]);
                x[i + j * k] = v;
                x[j + i * k] = v;
            }
        }
    }
}
