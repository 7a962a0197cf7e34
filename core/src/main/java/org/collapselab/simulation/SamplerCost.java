package org.collapselab.simulation;

import org.collapselab.data.SourceStatistics;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;

/**
 * A cost model for one simulation run under each sampler, in flop-equivalents: dense kernels count their flops
 * (syrk n·k², Cholesky k³/3, gemm 2·m·n·k, triangular products as dlauum/dtrmm do), and one Gaussian draw counts as
 * {@link #GAUSSIAN_FLOPS} (≈ 5 ns per draw against ≈ 40 GFLOP/s of single-threaded OpenBLAS on this machine).
 * Only the ratio matters: {@link #choose} resolves {@link Sampler#AUTO} to the cheaper route.
 */
public final class SamplerCost {
    /** Cost of one Gaussian draw, in flops. */
    static final double GAUSSIAN_FLOPS = 200;

    private SamplerCost() {}

    /** The sampler a run of {@code problem} uses under {@code options}. */
    public static Sampler choose(Problem problem, SimulationOptions options) {
        if (problem.verifier().band() != null) { // the band looks at every row
            if (options.sampler() == Sampler.EXACT) {
                throw new org.collapselab.validation.ParameterException(
                        "sampler", "exact", "direct or auto with an accept band (it decides row by row)");
            }
            return Sampler.DIRECT;
        }
        if (options.sampler() != Sampler.AUTO) {
            return options.sampler();
        }
        if (!options.features().isGaussian()) {
            return Sampler.DIRECT;
        }
        return exact(problem) < direct(problem) ? Sampler.EXACT : Sampler.DIRECT;
    }

    /** Estimated flops of one direct run: draw the n×d rows, labels, and fit in the primal or kernel form. */
    public static double direct(Problem p) {
        double d = p.d();
        double n = p.n();
        double draw = n * d * (GAUSSIAN_FLOPS + 2);
        if (p.estimator() == Estimator.PRIOR) {
            n = p.realCount();
            draw += n * d;
        }
        if (p.model() == ModelKind.RIDGE) {
            return draw + ridgeFit(n, d);
        }
        double m = p.m();
        return draw + d * m * GAUSSIAN_FLOPS + 2 * n * d * m + ridgeFit(n, m) + 2 * d * m;
    }

    /** Estimated flops of one exact run: each source's statistics, then the fit from them. */
    public static double exact(Problem p) {
        double d = p.d();
        double n = p.n();
        boolean prior = p.estimator() == Estimator.PRIOR;
        if (prior) {
            n = p.realCount();
        }
        double stats = ExactSampling.sharedSources(p)
                ? source(p.n(), p.d())
                : source(p.realCount(), p.d()) + (prior ? 0 : source(p.syntheticCount(), p.d()));
        if (p.model() == ModelKind.RIDGE) {
            return stats + solve(n, d, p.lambda());
        }
        double m = p.m();
        if (m >= d) { // Bartlett root of SSᵀ, two triangular products, a d×d solve
            return stats + d * d / 2 * GAUSSIAN_FLOPS + 2 * d * d * d + solve(n, d, p.lambda());
        }
        return stats + d * m * GAUSSIAN_FLOPS + 2 * d * d * m + 2 * m * m * d + solve(n, m, p.lambda());
    }

    private static double source(long rows, int d) {
        double dd = d;
        if (rows == 0) {
            return 0;
        }
        if (SourceStatistics.usesBartlett(d, rows)) {
            return dd * dd / 2 * GAUSSIAN_FLOPS + dd * dd * dd / 3 + dd * dd;
        }
        return rows * dd * GAUSSIAN_FLOPS + rows * dd * dd;
    }

    /** A k×k solve from n rows: Cholesky, or an eigendecomposition (≈ 9k³) when λ = 0 and n &lt; k make it singular. */
    private static double solve(double n, double k, double lambda) {
        return lambda == 0 && n < k ? 9 * k * k * k : k * k * k / 3;
    }

    /** Ridge fit on n rows of dimension k: primal (syrk + Cholesky) when k ≤ n, kernel form otherwise. */
    private static double ridgeFit(double n, double k) {
        return k <= n ? n * k * k + k * k * k / 3 + 2 * n * k : n * n * k + n * n * n / 3 + 4 * n * k;
    }
}
