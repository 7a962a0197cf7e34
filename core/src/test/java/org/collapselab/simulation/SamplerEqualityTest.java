package org.collapselab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact sufficient-statistic sampler and the direct row sampler draw fits with the same law: at cells on both
 * sides of d = n and m = n and m = d, the baseline mixture's joint draw, with weights, two spectra, σ2 and the prior estimator (ridge and rp), verified pools and trained teachers, the per-run errors of
 * the two samplers pass a two-sample Kolmogorov–Smirnov test (p &gt; 0.01) and their means agree within 3 combined
 * standard errors. Fixed seeds; 400 runs per sampler and cell (1500 for the rp prior estimator).
 */
class SamplerEqualityTest {
    private static final int RUNS = 400;
    private static final int PRIOR_RP_RUNS = 1500;

    static Object[][] cells() {
        Spectrum iso30 = Spectrum.isotropic(30);
        Spectrum pow30 = Spectrum.powerLaw(30, 1.0);
        Spectrum pow40 = Spectrum.powerLaw(40, 1.0);
        return new Object[][] {
            {"ridge n>d, joint draw, n2 < d", Problem.ridge(iso30, 60, 0.2, 1, 0.5, 1e-2)},
            {"ridge joint draw, n2 > d, c2 = 4", Problem.ridge(pow30, 120, 0.6, 4, 0.5, 1e-2)},
            {
                "ridge sigma2, real by Bartlett, synthetic rows < d",
                Problem.ridge(iso30, 60, 0.2, 1, 0.5, 1e-2).withSources(null, 1.0, 1.0, Estimator.MIX)
            },
            {"ridge n<d (both sources row by row)", Problem.ridge(pow40, 30, 0.3, 1, 0.5, 1e-2)},
            {"ridge lambda=0 above d=n", Problem.ridge(iso30, 80, 0.25, 1, 0.5, 0)},
            {
                "ridge weight 3, two spectra, sigma2",
                Problem.ridge(pow30, 200, 0.4, 1, 0.5, 1e-2)
                        .withSources(Spectrum.powerLaw(30, 0.3), 1.0, 3.0, Estimator.MIX)
            },
            {
                "ridge prior estimator",
                Problem.ridge(pow30, 100, 0.5, 1, 0.5, 1e-1).withSources(null, 0.5, 1.0, Estimator.PRIOR)
            },
            {"rp m<d<n", Problem.randomProjection(pow40, 80, 20, 0.2, 1, 0.5, 1e-2)},
            {"rp d<m<n", Problem.randomProjection(iso30, 100, 60, 0.2, 1, 0.5, 1e-2)},
            {"rp d<n<m", Problem.randomProjection(pow30, 80, 120, 0.2, 1, 0.5, 1e-3)},
            {
                "rp lambda=0, d<m<n, weight 0.5",
                Problem.randomProjection(iso30, 100, 60, 0.3, 1, 0.5, 0).withSources(null, 0.8, 0.5, Estimator.MIX)
            },
            {
                "rp prior estimator m<n1<d",
                Problem.randomProjection(pow40, 60, 20, 0.5, 1, 0.5, 1e-2).withSources(null, 0.5, 1.0, Estimator.PRIOR)
            },
            {
                "rp prior estimator d<n1<m",
                Problem.randomProjection(iso30, 80, 60, 0.5, 1, 0.5, 1e-2).withSources(null, 0.5, 1.0, Estimator.PRIOR)
            },
            {
                "rp two spectra, sigma2, weight 2",
                Problem.randomProjection(pow30, 80, 20, 0.4, 1, 0.5, 1e-2).withSources(iso30, 0.8, 2.0, Estimator.MIX)
            },
            {
                "rp prior estimator, no real rows (ŵ = Pw2)",
                Problem.randomProjection(pow30, 60, 20, 1.0, 1, 0.5, 1e-2).withSources(null, 0.5, 1.0, Estimator.PRIOR)
            },
            {
                "ridge two spectra, no real rows",
                Problem.ridge(pow30, 60, 1.0, 1, 0.5, 1e-2).withSources(iso30, 0.5, 1.0, Estimator.MIX)
            },
            {
                "ridge verified pool, kept rows like real",
                Problem.ridge(iso30, 120, 0.6, 1, 0.5, 1e-2).withVerifier(new Verifier(0.5, 0.8, 0.3))
            },
            {
                "ridge verified pool, weight 2, two spectra, sigma2",
                Problem.ridge(iso30, 120, 0.6, 1, 0.5, 1e-2)
                        .withSources(pow30, 0.8, 2.0, Estimator.MIX)
                        .withVerifier(new Verifier(0.6, 0.5, 0.4))
            },
            {
                "ridge trained ridge teacher",
                new Problem(ModelKind.RIDGE, pow30, null, 80, 0, 0.5, 0, 0.5, 1e-2)
                        .withTeacher(SyntheticTeacher.ridge(40, 0.1))
            },
            {
                "rp student, rp teacher, verified pool",
                new Problem(ModelKind.RANDOM_PROJECTION, iso30, null, 90, 20, 0.6, 0, 0.5, 1e-2)
                        .withTeacher(SyntheticTeacher.randomProjection(60, 20, 0.01))
                        .withVerifier(new Verifier(0.5, 0.9, 0.2))
            },
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void exactAndDirectSamplersAgreeInLaw(String name, Problem p) {
        // The rp prior's errors are the heaviest-tailed (the teacher part a sketch cannot see varies with w1 and S).
        int runs = p.estimator() == Estimator.PRIOR && p.model() == ModelKind.RANDOM_PROJECTION ? PRIOR_RP_RUNS : RUNS;
        SimulationResult exact =
                Simulator.simulate(p, runs, 11, 2, SimulationOptions.DEFAULT.withSampler(Sampler.EXACT));
        SimulationResult direct =
                Simulator.simulate(p, runs, 12, 2, SimulationOptions.DEFAULT.withSampler(Sampler.DIRECT));
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(exact.runs(), direct.runs());
        System.out.printf(
                "KS %-48s exact %.5f ± %.5f  direct %.5f ± %.5f  p = %.3f%n",
                name, exact.mean(), exact.stderr(), direct.mean(), direct.stderr(), pValue);
        assertThat(pValue).as("two-sample KS p-value").isGreaterThan(0.01);
        double combined = Math.hypot(exact.stderr(), direct.stderr());
        assertThat(Math.abs(exact.mean() - direct.mean()))
                .as("|mean difference| vs 3 combined standard errors")
                .isLessThan(3 * combined);
    }
}
