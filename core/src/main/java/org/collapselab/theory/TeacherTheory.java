package org.collapselab.theory;

import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalents of a trained synthetic teacher: its own test error and the moments of its error
 * Δ = ŵ_s − w1 that a student's prediction needs ({@link ShiftMoments}). The teacher is fitted on NS fresh real rows
 * (covariance Σ, noise σ, random w1 ~ N(0, I/d)) with penalty LAMS.
 *
 * <p><b>Ridge teacher.</b> With κs solving κs − λs = κs·df1(κs)/NS, R = (Σ+κs)⁻¹ and df2 = tr Σ²R², the standard
 * second-order equivalent (e.g. Bach, <i>High-dimensional analysis of double descent for linear regression with
 * random projections</i>, SIAM J. Math. Data Sci. 2024, and the test error of the paper's §3 with a general test
 * matrix B) is, for any B diagonal in Σ's eigenbasis,
 * <pre>
 *   E[(ŵ_s − w1)ᵀB(ŵ_s − w1) | w1] ≍ κs² w1ᵀRBRw1 + v·tr(BΣR²),   v = (κs² w1ᵀΣR²w1 + σ²)/(NS − df2)
 *   E[ŵ_s − w1 | w1]                ≍ −κs R w1
 * </pre>
 * (a shrinkage bias aligned with w1 and a fluctuation of covariance v·RΣR). Averaged over w1:
 * E Δᵢ² = κs²Rᵢ²/d + v̄σᵢRᵢ², E w1ᵢΔᵢ = −κsRᵢ/d with v̄ = (κs²(1/d)tr ΣR² + σ²)/(NS − df2). B = Σ gives the
 * teacher's error κs²(1/d)tr ΣR²·g + σ²df2/(NS − df2), i.e. {@link RidgeTheory} at p2 = 0.
 *
 * <p><b>Random-projection teacher</b> (width MS, S iid N(0, 1/d)). Conditionally on S it is ridge in x-space with
 * resolvent Q_S = S(SᵀΣS + κ)⁻¹Sᵀ, so with Π = I − Q_SΣ the same formula holds with κsR replaced by Π and RΣR by
 * Q_SΣQ_S. Over S (the first- and second-order sketch equivalents of {@link SketchedTwoSourceTheory}), with θ the
 * input-space regularisation of {@link RandomProjectionTheory}, R = (Σ+θ)⁻¹, a_m = MS − D1, e = D1 − D2:
 * <pre>
 *   E Πᵢᵢ ≍ θRᵢ,   (1/d) E(ΠᵀBΠ) ≍ θ²·MS·tr(BR²)/(d(a_m + e)),   E(Q_SΣQ_S)ᵢᵢ ≍ Rᵢ²(σᵢ + θe/(a_m + e))
 * </pre>
 * and NS − df2 with df2 of {@link RandomProjectionTheory}. B = Σ gives {@link RandomProjectionTheory} at p2 = 0.
 */
public final class TeacherTheory {
    private TeacherTheory() {}

    /**
     * The teacher's moments and own error.
     *
     * @param moments second moments of w1 and Δ (diagonals in Σ's eigenbasis)
     * @param error the teacher's own predicted test error ‖ŵ_s − w1‖²_Σ (its {@link TheoryResult}, with certificate)
     */
    public record Prediction(ShiftMoments moments, TheoryResult error) {
        /** The teacher's c², E‖Δ‖²_Σ (= its test error). */
        public double c2() {
            return error.testError();
        }
    }

    /** Moments and error of a trained teacher on the real covariance {@code real} with real label noise σ. */
    public static Prediction predict(SyntheticTeacher teacher, Spectrum real, double sigma) {
        return switch (teacher.kind()) {
            case NONE ->
                throw new IllegalArgumentException("no trained teacher (random shift): use ShiftMoments.random");
            case RIDGE -> ridge(real, teacher.rows(), teacher.lambda(), sigma);
            case RP -> randomProjection(real, teacher.rows(), teacher.width(), teacher.lambda(), sigma);
        };
    }

    /** A ridge teacher on {@code rows} real rows with penalty {@code lambda} (class comment). */
    public static Prediction ridge(Spectrum real, long rows, double lambda, double sigma) {
        TheoryResult own = RidgeTheory.predict(real, rows, 0, 0, sigma, lambda);
        double kappa = own.effectiveRegularization();
        double[] s = real.eigenvalues();
        int d = s.length;
        double df2 = 0;
        double trSigmaR2 = 0;
        for (double si : s) {
            double r = 1 / (si + kappa);
            df2 += si * si * r * r;
            trSigmaR2 += si * r * r;
        }
        double v = (kappa * kappa * trSigmaR2 / d + sigma * sigma) / (rows - df2);
        double[] t = new double[d];
        double[] c = new double[d];
        double[] sh = new double[d];
        for (int i = 0; i < d; i++) {
            double r = 1 / (s[i] + kappa);
            t[i] = 1.0 / d;
            c[i] = -kappa * r / d;
            sh[i] = kappa * kappa * r * r / d + v * s[i] * r * r;
        }
        return new Prediction(new ShiftMoments(t, c, sh), own);
    }

    /** A width-{@code width} random-projection teacher on {@code rows} real rows with penalty {@code lambda}. */
    public static Prediction randomProjection(Spectrum real, long rows, long width, double lambda, double sigma) {
        TheoryResult own = RandomProjectionTheory.predict(real, rows, width, 0, 0, sigma, lambda);
        double[] s = real.eigenvalues();
        int d = s.length;
        RandomProjectionTheory.FixedPoint fp = RandomProjectionTheory.solve(real, rows, width, lambda);
        RandomProjectionTheory.Traces tr = RandomProjectionTheory.Traces.at(s, fp, rows, width);
        double theta = fp.theta();
        double am = tr.am();
        double e = tr.e();
        double sketch = am + e == 0 ? 0 : 1.0 / (am + e);
        double biasEnergy = theta == 0 ? 0 : theta * width * e * sketch / d; // (1/d) tr ΠᵀΣΠ
        double v = (biasEnergy + sigma * sigma) / tr.denom();
        double[] t = new double[d];
        double[] c = new double[d];
        double[] sh = new double[d];
        for (int i = 0; i < d; i++) {
            double r = 1 / (s[i] + theta);
            t[i] = 1.0 / d;
            c[i] = -theta * r / d;
            sh[i] = theta * theta * width * r * r * sketch / d + v * r * r * (s[i] + theta * e * sketch);
        }
        return new Prediction(new ShiftMoments(t, c, sh), own);
    }
}
