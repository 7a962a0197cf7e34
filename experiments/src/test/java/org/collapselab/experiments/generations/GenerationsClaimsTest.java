package org.collapselab.experiments.generations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.LoopStability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every claim's verdicts on hand-built curves, and one tiny end-to-end run of the study. */
class GenerationsClaimsTest {
    private static final int K = 6;
    private static final int RUNS = 40;

    /** d = 50, n = 200, σ = 0.5, p2 = 0.5, c² = 1: V0 = σ²d/(n−d−1) = 0.0839, bound 0.0542, floor p2²c² = 0.25. */
    private static Problem problem(int d, double freshReal) {
        return Problem.ridge(Spectrum.isotropic(d), 200, 0.5, 1.0, 0.5, 0)
                .withGenerations(new Generations(K, Schedule.REPLACE, freshReal));
    }

    /** A curve whose run r, generation k is mean(k)·(1 + 0.02·(±1)) (signs alternate over runs). */
    private static GenerationsCurve curve(Problem p, IntToDoubleFunction mean, LoopStability stability) {
        double[] theory = new double[K + 1];
        List<SimulationResult> gens = new ArrayList<>();
        for (int k = 0; k <= K; k++) {
            theory[k] = mean.applyAsDouble(k);
            double[] runs = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                runs[r] = theory[k] * (1 + 0.02 * (r % 2 == 0 ? 1 : -1) * ((r + k) % 3 == 0 ? 1 : 0.5));
            }
            gens.add(SimulationResult.of(runs, 0));
        }
        return new GenerationsCurve("test", p, theory, "", stability, new LoopSimulator.Result(gens, 0));
    }

    private static final LoopStability STABLE = new LoopStability(LoopStability.Status.STABLE, 0.6, 1, "stable");
    private static final LoopStability DIVERGENT =
            new LoopStability(LoopStability.Status.DIVERGENT, 1.7, Double.NaN, "div");

    @Test
    void approximateTheoryIsLabelledAndExactIsNot() {
        Problem ridge = Problem.ridge(Spectrum.isotropic(20), 80, 0.5, 1.0, 0.5, 0.1);
        GenerationsCurve acc = GenerationsCurve.compute(
                "acc", ridge.withGenerations(new Generations(3, Schedule.ACCUMULATE, 0)), 0, 1, 1);
        GenerationsCurve rep = GenerationsCurve.compute(
                "rep", ridge.withGenerations(new Generations(3, Schedule.REPLACE, 0)), 0, 1, 1);
        assertThat(acc.approximateTheory()).isTrue();
        assertThat(acc.theoryNote()).startsWith("approximate (accumulate, lambda > 0");
        assertThat(java.util.Arrays.stream(acc.theory()).allMatch(Double::isFinite))
                .isTrue();
        assertThat(rep.approximateTheory()).isFalse();
        assertThat(rep.theoryNote()).isEmpty();
    }

    @Test
    void replaceGrowsLinearly() {
        Problem p = problem(50, 0);
        assertThat(GenerationsClaims.replaceGrowsLinearly(curve(p, k -> 0.4 + 0.0839 * k, null))
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(GenerationsClaims.replaceGrowsLinearly(curve(p, k -> 0.4 - 0.01 * k, null))
                        .verdict())
                .isEqualTo(Verdict.CONTRADICTED);
        // Grows, but at twice the predicted rate: not the claimed law.
        assertThat(GenerationsClaims.replaceGrowsLinearly(
                                curve(p, k -> 0.4 + 0.0839 * k * (1 + (k == K ? 1 : 0)), null))
                        .verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void accumulateStaysBounded() {
        Problem p = problem(50, 0);
        assertThat(GenerationsClaims.accumulateStaysBounded(curve(p, k -> 0.4 + 0.03 * (1 - 1.0 / (k + 1)), STABLE))
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        Claim grows = GenerationsClaims.accumulateStaysBounded(curve(p, k -> 0.4 + 0.05 * k, STABLE));
        assertThat(grows.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(grows.measured()).contains("bound 0.05411");
    }

    @Test
    void fixedBudgetLiesBetween() {
        Problem p = problem(50, 0);
        GenerationsCurve rep = curve(p, k -> 0.4 + 0.08 * k, null);
        GenerationsCurve acc = curve(p, k -> 0.4 + 0.005 * k, null);
        assertThat(GenerationsClaims.fixedBudget(rep, acc, curve(p, k -> 0.4 + 0.03 * k, null))
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(GenerationsClaims.fixedBudget(rep, acc, curve(p, k -> 0.4 + 0.2 * k, null))
                        .verdict())
                .isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void mixingAgainstTheRealHalf() {
        Problem p = problem(50, 0.5);
        double[] half = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            half[r] = 0.25 * (1 + 0.02 * (r % 2 == 0 ? 1 : -1));
        }
        SimulationResult realHalf = SimulationResult.of(half, 0);
        assertThat(GenerationsClaims.mixingWorseThanRealHalf(curve(p, k -> 0.4, STABLE), realHalf, 0.25)
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        Claim better = GenerationsClaims.mixingWorseThanRealHalf(curve(p, k -> 0.4 / (k + 1), STABLE), realHalf, 0.25);
        assertThat(better.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(better.measured()).contains("from generation 1 on");
    }

    @Test
    void divergenceThreshold() {
        GenerationsCurve below = curve(problem(120, 0.5), k -> 1.0 - 0.5 * Math.pow(0.5, k), STABLE);
        assertThat(GenerationsClaims.divergenceThreshold(
                                below, curve(problem(170, 0.5), k -> Math.pow(1.7, k), DIVERGENT))
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(GenerationsClaims.divergenceThreshold(below, curve(problem(170, 0.5), k -> 1.0, DIVERGENT))
                        .verdict())
                .isEqualTo(Verdict.CONTRADICTED);
        // The report prints the named thresholds the verdict was judged against.
        assertThat(GenerationsClaims.divergenceThreshold(below, below).thresholds())
                .extracting(org.collapselab.experiments.report.Threshold::name)
                .containsExactly("Z", "SETTLED_TOLERANCE");
    }

    @Test
    void tinyStudyWritesEveryFigureAndJudgesEveryClaim(@TempDir Path dir) throws Exception {
        GenerationsStudy.Outcome o = GenerationsStudy.run(new GenerationsStudy.Settings(10, 40, 5, 12, 3, 100), dir, 2);
        assertThat(o.claims()).hasSize(5);
        assertThat(o.figures()).hasSize(8).allSatisfy(f -> assertThat(Files.size(f))
                .isPositive());
        // The replace / accumulate / accumulate-subsample curves: theory for the first two, simulation only for the
        // last.
        assertThat(o.curves().get(0).theory()[5]).isFinite();
        assertThat(o.curves().get(2).theoryNote()).startsWith("simulation only");
    }
}
