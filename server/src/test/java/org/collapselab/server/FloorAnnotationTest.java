package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.Test;

/**
 * The p2²c² line is drawn only where the theory itself tends to p2²c² as n → ∞ (checked at n = 10¹⁵ for each
 * setting), and each setting where it does not is refused with its reason: the prior estimator, two sources
 * (Σ2 ≠ Σ1, weight A ≠ 1), generations, random projections, a λ that is not small.
 */
class FloorAnnotationTest {
    static final Spectrum ISO = Spectrum.isotropic(100);
    static final Spectrum POWER = Spectrum.powerLaw(100, 1);

    static double largeN(Problem p) {
        return Theory.predict(new Problem(
                        p.model(),
                        p.spectrum(),
                        p.syntheticSpectrum(),
                        (long) FloorAnnotation.LARGE_N,
                        p.m(),
                        p.p2(),
                        p.c2(),
                        p.sigma(),
                        p.lambda(),
                        p.syntheticSigma(),
                        p.syntheticWeight(),
                        p.estimator(),
                        p.generations()))
                .testError();
    }

    @Test
    void drawnWhereTheTheoryTendsToP2SquaredC2() {
        for (Problem p : new Problem[] {
            Problem.ridge(ISO, 1000, 0.2, 1, 0.5, 1e-3),
            Problem.ridge(POWER, 1000, 0.3, 2, 0.5, 1e-4),
            Problem.ridge(ISO, 500, 0.1, 0.5, 0.5, 1e-3).withSources(null, 1.5, 1.0, Estimator.MIX)
        }) {
            FloorAnnotation f = FloorAnnotation.of(p, 0);
            double floor = p.p2() * p.p2() * p.c2();
            assertThat(f.holds()).as(p + ": " + f.reason()).isTrue();
            assertThat(f.value()).isEqualTo(floor);
            assertThat(largeN(p))
                    .as("theory at n = 1e15 for " + p)
                    .isCloseTo(floor, org.assertj.core.data.Offset.offset(0.01 * floor));
            assertThat(FloorAnnotation.of(p, 0.25).value()).isEqualTo(floor + 0.25);
        }
    }

    @Test
    void notDrawnWhereTheLimitIsAnotherNumber() {
        Problem base = Problem.ridge(ISO, 1000, 0.2, 1, 0.5, 1e-3);
        double floor = 0.04;
        Object[][] cases = {
            {base.withSources(null, 0.5, 1.0, Estimator.PRIOR), "prior estimator"},
            {base.withSources(Spectrum.powerLaw(100, 2), 0.5, 1.0, Estimator.MIX), "Σ2 ≠ Σ1"},
            {base.withSources(null, 0.5, 3.0, Estimator.MIX), "weight A = 3"},
            {base.withGenerations(new Generations(3, Schedule.REPLACE, 0.5)), "generations > 0"},
            {Problem.randomProjection(ISO, 1000, 50, 0.2, 1, 0.5, 1e-3), "random projections"},
            {Problem.ridge(ISO, 1000, 0.2, 1, 0.5, 1.0), "λ = 1 is not small"}
        };
        for (Object[] c : cases) {
            Problem p = (Problem) c[0];
            FloorAnnotation f = FloorAnnotation.of(p, 0);
            assertThat(f.holds()).as(c[1].toString()).isFalse();
            assertThat(f.reason()).startsWith("no p2²c² line: ").contains(c[1].toString());
            double limit = largeN(p);
            assertThat(Math.abs(limit - floor))
                    .as(c[1] + ": the theory's n → ∞ value " + limit + " is not p2²c²")
                    .isGreaterThan(0.05 * floor);
            assertThat(f.limit()).isEqualTo(limit);
        }
    }

    /** With weight A the synthetic rows' share of the loss is a = p2·A/(p1 + p2·A); at small λ the limit is a²c². */
    @Test
    void weightedRowsTendToTheirShareOfTheLoss() {
        Problem p = Problem.ridge(ISO, 1000, 0.2, 1, 0.5, 1e-6).withSources(null, 0.5, 3.0, Estimator.MIX);
        double a = 0.2 * 3 / (0.8 + 0.2 * 3);
        assertThat(largeN(p)).isCloseTo(a * a, org.assertj.core.data.Offset.offset(0.01 * a * a));
    }
}
