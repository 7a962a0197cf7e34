package org.collapselab.theory;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * {@code accumulate} beyond λ = 0, r = 0: two approximate recursions (the exact case is {@link AccumulateTheory}).
 * Generation k pools N_k = (k+1)n rows with Gram G_k; R_k = (G_k + N_kλ)⁻¹ (the fit's λ is per row); H_k is the Gram
 * of its n_r = round(r·n) fresh real rows, ρ = n_r/n. Because Σ_{j&lt;k} X_jᵀy_j = (G_{k−1} + N_{k−1}λ)ŵ_{k−1},
 * exactly
 * <pre>  e_k = (I − R_k(H_k + nλ))e_{k−1} − nλR_k w1 + R_kX_kᵀσε_k,   e = ŵ − w1.</pre>
 * The noise term is uncorrelated with the rest, with E‖·‖²_Σ = σ²·E tr(ΣR_kG_kR_k)/(k+1) (exchangeable blocks).
 * The first term is the hard one: e_{k−1} shares all its rows with R_k.
 *
 * <p><b>OLS (λ = 0, n &gt; d + 1), any r, any Σ</b> ({@link #ols}): split e_{k−1} into a <i>noise-type</i> part
 * B_{k−1}X_{pool}ᵀη (per-row variance ν, energy ν·V(N_{k−1}), V(N) = d/(N − d − 1)) and a <i>bias-type</i> part
 * independent of the design (energy E_B). With D = B_kX_kᵀX_k e and q = N_{k−1}/N_k, averaging over which fresh
 * rows are real gives E‖(I − B_kH_k)e‖² = E‖e − ρD‖² + E‖F‖², F = B_kX_kᵀ(J − ρ)X_k e (J = 1 on real rows), whose
 * mean-zero labels act as noise of variance ρ(1−ρ)E: E‖F‖² ≃ ρ(1−ρ)·E·(n/N_k)·V(N_k). For the noise-type part the
 * moments are exact: ‖e − D‖² = ν·q·V(N_k) and ⟨e, e − D⟩ = ν·V(N_k) (G_{k−1}B_{k−1} = I); for the bias-type part
 * E[B_kG_{k−1}] = qI and the mixture second moment q² + q(1−q)·d/(N_k − d − 1); the bias direction keeps the mean
 * (1 − ρ(1−q))² share, the rest becomes noise-type. Exact at r = 0 (today's closed form) and, for the noise part, at
 * r = 1 (one OLS fit on N_k rows); otherwise the split ignores cross moments between the two parts (large-size
 * approximation; measured within ~1–2% for d/n ≤ 0.8, docs/generations.md). Generation 0 starts the recursion as p0²c²
 * (bias-type) plus noise-type with ν = σ² + p0(1−p0)c² (real label noise plus the synthetic rows' label
 * fluctuation) and the exact V(n); the reported E_0 stays the single-step theory, so at r = 0 the increments are
 * exactly today's and the level differs by the single-step theory's finite-size term (d/(n − d − 1) vs d/(n − d)).
 *
 * <p><b>Ridge (λ &gt; 0), any r, any Σ</b> ({@link #ridge}): the same split with ridge moments. The bias-type
 * part is tracked per coordinate ({@link LoopRecursion}'s state v_i = E e_i², b_i = E w1_i e_i) through the
 * deterministic equivalents nλR_k ≃ κ_k(Σ+κ_k)⁻¹/(k+1), R_kH_k ≃ ρΣ(Σ+κ_k)⁻¹/(k+1) (κ_k the ridge κ at N_k rows):
 * e_i ← (1 − α_i)e_i − β_i w1_i with α_i = (ρσ_i + κ_k)/((k+1)(σ_i + κ_k)), β_i = κ_k/((k+1)(σ_i + κ_k)).
 * The noise-type part is one energy with V(N) = df2/(N − df2): the OLS multiplier with V's ratio, its
 * (1 − ρ)² term shrunk by s = Σ_i t_i²(1 − β_i)²/df2 (t = Σ(Σ+κ)⁻¹; the refit's penalty on a noise-type vector)
 * and the cross term by √s (an interpolation, not derived); the ρ² term needs no shrink ((G + Nλ)R = I). Generation
 * 0 starts from bias-type (1 − t_i)²/d + p0²t_i²c²/(dσ_i), the rest of E_0 noise-type. Tends to the OLS split as
 * λ → 0 (κ → 0; with d/(N − d) for d/(N − d − 1)) and is a first-order deterministic-equivalent recursion at r = 0. Offered for n &gt; d and
 * df2/n ≤ {@value #RIDGE_MAX_DF2_RATIO} at generation 0, where it was measured within ~3% (docs/generations.md); for d &gt; n
 * it is 15% off. Its limit: e → −λ/(ρσ_i + λ)·w1, E∞ = Σ_i (σ_i/d)(λ/(ρσ_i + λ))² — the pooled fit is shrunk
 * again every generation.
 */
final class AccumulateApproximation {
    /** Largest df2/n at generation 0 where the ridge split is offered (measured, docs/generations.md). */
    static final double RIDGE_MAX_DF2_RATIO = 0.5;

    private AccumulateApproximation() {}

    /** The noise/bias split recursion for λ = 0, n &gt; d + 1, any fresh-real share. */
    static GenerationsPrediction ols(Problem problem, TheoryResult g0) {
        int d = problem.d();
        long n = problem.n();
        if (n <= d + 1L) {
            throw new TheoryException(GenerationsTheory.SIMULATION_ONLY + ": accumulate theory with fresh-real > 0 at "
                    + "lambda = 0 needs n > d + 1 (got d = " + d + ", n = " + n + "); use simulate");
        }
        double sigma2 = problem.sigma() * problem.sigma();
        double rho = 1 - GenerationsTheory.loopSyntheticShare(problem);
        double p0 = (double) problem.syntheticCount() / n;
        int count = problem.generations().count();
        double[] errors = new double[count + 1];
        errors[0] = g0.testError();
        double bias = p0 * p0 * problem.c2();
        double nu = sigma2 + p0 * (1 - p0) * problem.c2();
        for (int k = 1; k <= count; k++) {
            double big = (k + 1.0) * n;
            double q = k / (k + 1.0);
            double vOld = ols(d, k * n);
            double vNew = ols(d, (k + 1) * n);
            double noise = nu * vOld;
            double total = bias + noise;
            noise = (1 - rho) * (1 - rho) * noise
                    + rho * rho * nu * q * vNew
                    + 2 * rho * (1 - rho) * nu * vNew
                    + rho * (1 - rho) * total * (n / big) * vNew
                    + rho * rho * q * (1 - q) * d / (big - d - 1) * bias
                    + sigma2 * (n / big) * vNew;
            double keep = 1 - rho * (1 - q);
            bias *= keep * keep;
            nu = noise / vNew;
            errors[k] = bias + noise;
        }
        GenerationsTheory.requireFinite(errors);
        LoopStability st = new LoopStability(
                LoopStability.Status.BOUNDED,
                Double.NaN,
                0,
                "bounded: with fresh real rows the pooled OLS fit is consistent; E_k -> 0 (bias like k^(-2r), noise like 1/k)");
        return new GenerationsPrediction(
                errors,
                g0,
                st,
                "approximate (accumulate, lambda = 0, fresh-real > 0: noise/bias "
                        + "split of the pooled OLS error, large-size limit; exact at fresh-real 0 and 1)",
                g0.converged(),
                g0.iterations(),
                g0.residual());
    }

    /** V(N) = d/(N − d − 1). */
    private static double ols(int d, long rows) {
        return d / (rows - d - 1.0);
    }

    /** The split recursion for λ &gt; 0, any fresh-real share: bias-type per coordinate, noise-type as one energy. */
    static GenerationsPrediction ridge(Problem problem, TheoryResult g0) {
        Spectrum spectrum = problem.spectrum();
        int d = problem.d();
        long n = problem.n();
        double lambda = problem.lambda();
        double kappa = g0.effectiveRegularization();
        double vPrev = ridgeNoise(spectrum, n, kappa);
        double ratio0 = vPrev / (1 + vPrev); // df2/n
        if (n <= d || ratio0 > RIDGE_MAX_DF2_RATIO) {
            throw new TheoryException(GenerationsTheory.SIMULATION_ONLY + ": accumulate theory with lambda > 0 is an "
                    + "approximation offered for n > d and df2/n <= " + RIDGE_MAX_DF2_RATIO + " (got d = " + d
                    + ", n = " + n
                    + ", df2/n = " + String.format(java.util.Locale.ROOT, "%.3g", ratio0) + "); use simulate");
        }
        double sigma2 = problem.sigma() * problem.sigma();
        double rho = 1 - GenerationsTheory.loopSyntheticShare(problem);
        double p0 = (double) problem.syntheticCount() / n;
        double a = 1.0 / d;
        double[] v = new double[d];
        double[] b = new double[d];
        double biasEnergy = 0;
        for (int i = 0; i < d; i++) {
            double si = spectrum.eigenvalue(i);
            double t = si / (si + kappa);
            v[i] = (1 - t) * (1 - t) * a + p0 * p0 * t * t * problem.c2() / (d * si);
            b[i] = -(1 - t) * a;
            biasEnergy += si * v[i];
        }
        int count = problem.generations().count();
        double[] errors = new double[count + 1];
        errors[0] = g0.testError();
        double noise = errors[0] - biasEnergy;
        int iterations = g0.iterations();
        double residual = g0.residual();
        boolean converged = g0.converged();
        for (int k = 1; k <= count; k++) {
            long big = (k + 1) * n;
            double q = k / (k + 1.0);
            RidgeTheory.Kappa kk = RidgeTheory.solveKappa(spectrum, big, lambda);
            iterations += kk.iterations();
            residual = Math.max(residual, kk.residual());
            converged &= kk.converged();
            kappa = kk.kappa();
            double vNew = ridgeNoise(spectrum, big, kappa);
            double shrink = 0;
            double df2 = 0;
            double bias = 0;
            double total = biasEnergy + noise;
            for (int i = 0; i < d; i++) {
                double si = spectrum.eigenvalue(i);
                double t2 = si * si / ((si + kappa) * (si + kappa));
                double keepNoise = 1 - kappa / ((k + 1) * (si + kappa));
                shrink += t2 * keepNoise * keepNoise;
                df2 += t2;
                double keep = 1 - (rho * si + kappa) / ((k + 1) * (si + kappa));
                double beta = kappa / ((k + 1) * (si + kappa));
                v[i] = keep * keep * v[i] + beta * beta * a - 2 * keep * beta * b[i];
                b[i] = keep * b[i] - beta * a;
                bias += si * v[i];
            }
            double ratio = vNew / vPrev;
            double sh = shrink / df2;
            noise = ((1 - rho) * (1 - rho) * sh + rho * rho * q * ratio + 2 * rho * (1 - rho) * ratio * Math.sqrt(sh))
                            * noise
                    + rho * (1 - rho) * total * (n / (double) big) * vNew
                    + rho * rho * q * (1 - q) * vNew * biasEnergy
                    + sigma2 * (n / (double) big) * vNew;
            biasEnergy = bias;
            vPrev = vNew;
            errors[k] = biasEnergy + noise;
        }
        GenerationsTheory.requireFinite(errors);
        double limit = 0;
        for (int i = 0; i < d; i++) {
            double si = spectrum.eigenvalue(i);
            double f = lambda / (rho * si + lambda);
            limit += si * a * f * f;
        }
        LoopStability st = new LoopStability(
                LoopStability.Status.BOUNDED,
                Double.NaN,
                limit,
                "bounded (approximate): every pooled refit shrinks again; e -> -lambda/(r*sigma_i + lambda) * w1");
        return new GenerationsPrediction(
                errors,
                g0,
                st,
                "approximate (accumulate, lambda > 0: noise/bias split with the "
                        + "pooled resolvent's deterministic equivalent; relative error O(df2/n))",
                converged,
                iterations,
                residual);
    }

    /** The ridge noise moment V(N) = df2/(N − df2) at N rows and effective regularisation κ. */
    static double ridgeNoise(Spectrum spectrum, long rows, double kappa) {
        double df2 = 0;
        for (int i = 0; i < spectrum.dimension(); i++) {
            double t = spectrum.eigenvalue(i) / (spectrum.eigenvalue(i) + kappa);
            df2 += t * t;
        }
        return df2 / (rows - df2);
    }
}
