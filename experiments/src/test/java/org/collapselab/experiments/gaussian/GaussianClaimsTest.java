package org.collapselab.experiments.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collapselab.experiments.gaussian.GaussianFixtures.run;
import static org.collapselab.experiments.gaussian.GaussianFixtures.verdict;
import static org.collapselab.experiments.report.Claim.Verdict.CONTRADICTED;
import static org.collapselab.experiments.report.Claim.Verdict.INCONCLUSIVE;
import static org.collapselab.experiments.report.Claim.Verdict.SUPPORTED;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.junit.jupiter.api.Test;

/** Every Gaussian claim verdict on hand-built results (no computation), covering each verdict. */
class GaussianClaimsTest {
    static final String WIDTH = """
      name: w
      compute: theory
      fixed: {model: rp, d: 200, n: 100, sigma: 0.5, lambda: 0.01, c2: 1}
      sweep: {m: [25, 50, 100, 200, 400], p2: [0, 0.5]}
      """;
    static final String PARETO = """
      name: p
      compute: theory
      fixed: {model: rp, d: 200, n: 100, sigma: 0.5, lambda: 0.01}
      sweep: {m: [10, 20, 40, 80], p2: [0, 0.2], c2: [0.1, 8]}
      """;
    static final String SCALING = """
      name: s
      compute: both
      runs: 3
      fixed: {model: ridge, d: 10, sigma: 0.5, lambda: 0.0, c2: 1}
      sweep: {n: [100, 1000], p2: [0, 0.01]}
      """;

    /** Penalty E(0.5) − E(0) at width m. */
    static GaussianRun width(ToDoubleFunction<Integer> penalty) {
        return run(WIDTH, c -> 1 + (c.p2() > 0 ? penalty.applyAsDouble(c.m()) : 0), c -> 0, -1);
    }

    @Test
    void penaltyPeakNearTheThreshold() {
        assertThat(verdict(GaussianClaims.width(width(m -> m == 100 ? 1.0 : 0.2)), "The synthetic-data penalty"))
                .isEqualTo(SUPPORTED);
        assertThat(verdict(GaussianClaims.width(width(m -> m == 25 ? 1.0 : 0.2)), "The synthetic-data penalty"))
                .isEqualTo(CONTRADICTED);
        assertThat(verdict(
                        GaussianClaims.width(run(WIDTH.replace("p2: [0, 0.5]", "p2: [0]"), c -> 1, c -> 0, -1)),
                        "The synthetic-data penalty"))
                .isEqualTo(INCONCLUSIVE);
    }

    @Test
    void penaltyReducedButNotRemovedBeyondTheThreshold() {
        assertThat(verdict(GaussianClaims.width(width(m -> m == 100 ? 1.0 : 0.2)), "Beyond m = n"))
                .isEqualTo(SUPPORTED);
        assertThat(verdict(GaussianClaims.width(width(m -> m == 400 ? 0.0 : m == 100 ? 1.0 : 0.2)), "Beyond m = n"))
                .isEqualTo(CONTRADICTED);
        assertThat(verdict(
                        GaussianClaims.width(run(WIDTH.replace("p2: [0, 0.5]", "p2: [0]"), c -> 1, c -> 0, -1)),
                        "Beyond m = n"))
                .isEqualTo(INCONCLUSIVE);
    }

    @Test
    void errorGrowsWithTheSyntheticShare() {
        assertThat(verdict(GaussianClaims.width(width(m -> 0.5)), "At fixed width"))
                .isEqualTo(SUPPORTED);
        assertThat(verdict(GaussianClaims.width(width(m -> -0.5)), "At fixed width"))
                .isEqualTo(CONTRADICTED);
        // 4 of 5 pairs increase: between the two shares
        assertThat(verdict(GaussianClaims.width(width(m -> m == 400 ? -0.5 : 0.5)), "At fixed width"))
                .isEqualTo(INCONCLUSIVE);
    }

    @Test
    void theoryMatchesSimulation() {
        assertThat(GaussianClaims.agreement(run(WIDTH, c -> 1, c -> 1.01, 0.01), "rp")
                        .verdict())
                .isEqualTo(SUPPORTED);
        assertThat(GaussianClaims.agreement(run(WIDTH, c -> 1, c -> 2, 0.01), "rp")
                        .verdict())
                .isEqualTo(CONTRADICTED);
        // 6 of 10 cells agree
        assertThat(GaussianClaims.agreement(run(WIDTH, c -> 1, c -> c.m() <= 100 ? 1 : 2, 0.01), "rp")
                        .verdict())
                .isEqualTo(INCONCLUSIVE);
        Claim none = GaussianClaims.agreement(run(WIDTH, c -> 1, c -> 0, -1), "rp");
        assertThat(none.verdict()).isEqualTo(INCONCLUSIVE);
        assertThat(none.criteria()).contains("AGREEMENT_Z = 3");
    }

    /** Error per width m for high (c² = 0.1) and low (c² = 8) quality. */
    static GaussianRun pareto(ToDoubleFunction<Integer> high, ToDoubleFunction<Integer> low) {
        return run(PARETO, c -> c.c2() < 1 ? high.applyAsDouble(c.m()) : low.applyAsDouble(c.m()), c -> 0, -1);
    }

    @Test
    void bestModelSizeMovesDownAsQualityDrops() {
        ToDoubleFunction<Integer> largestBest = m -> 1.0 / m;
        ToDoubleFunction<Integer> middleBest = m -> Math.abs(m - 20);
        ToDoubleFunction<Integer> smallestBest = m -> m;
        assertThat(GaussianClaims.pareto(pareto(largestBest, middleBest)).get(0).verdict())
                .isEqualTo(SUPPORTED);
        assertThat(GaussianClaims.pareto(pareto(smallestBest, largestBest))
                        .get(0)
                        .verdict())
                .isEqualTo(CONTRADICTED);
        assertThat(GaussianClaims.pareto(pareto(largestBest, largestBest))
                        .get(0)
                        .verdict())
                .isEqualTo(INCONCLUSIVE);
        assertThat(GaussianClaims.pareto(pareto(largestBest, middleBest)).get(0).criteria())
                .contains("PARETO_TOP_WIDTHS = 2");
    }

    @Test
    void plateauAndTinyShareDeparture() {
        // theory slope over the last decade: clean falls like 1/n, the tiny share flattens out
        GaussianRun collapse =
                run(SCALING, c -> c.p2() > 0 ? 0.05 : 10.0 / c.n(), c -> c.p2() > 0 ? 0.05 : 10.0 / c.n(), 0.001);
        List<Claim> claims = GaussianClaims.scaling(collapse);
        assertThat(verdict(claims, "Strong model collapse")).isEqualTo(SUPPORTED); // from core's theory at n → ∞
        assertThat(verdict(claims, "Even a tiny synthetic share")).isEqualTo(SUPPORTED);
        GaussianRun none = run(SCALING, c -> 10.0 / c.n(), c -> 10.0 / c.n(), 0.001);
        assertThat(verdict(GaussianClaims.scaling(none), "Even a tiny synthetic share"))
                .isEqualTo(CONTRADICTED);
        // separated at the largest n but the theory's slope does not flatten
        GaussianRun half = run(SCALING, c -> 10.0 / c.n(), c -> c.p2() > 0 ? 0.05 : 10.0 / c.n(), 0.001);
        assertThat(verdict(GaussianClaims.scaling(half), "Even a tiny synthetic share"))
                .isEqualTo(INCONCLUSIVE);
        GaussianRun cleanOnly = run(SCALING.replace("p2: [0, 0.01]", "p2: [0]"), c -> 1, c -> 1, 0.01);
        assertThat(verdict(GaussianClaims.scaling(cleanOnly), "Strong model collapse"))
                .isEqualTo(INCONCLUSIVE);
    }
}
