package org.collapselab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.advice.Advice;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Regime;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/**
 * Long computations report progress (one call per generation fit, per theory point) and the accumulate loop's work,
 * which grows with generations², is refused before it starts when too large; overflowing scales are refused too.
 */
class LoopLimitsTest {
    private static Problem loop(int k, Schedule s) {
        return Problem.ridge(Spectrum.isotropic(10), 20, 0.5, 1, 0.5, 0.1).withGenerations(new Generations(k, s, 0));
    }

    @Test
    void everyGenerationFitOfEveryRunIsReported() {
        AtomicInteger fits = new AtomicInteger();
        LoopSimulator.Result r = LoopSimulator.simulate(loop(4, Schedule.ACCUMULATE), 3, 7, 2, fits::incrementAndGet);
        assertThat(fits.get()).isEqualTo(3 * 5);
        assertThat(r.generations()).hasSize(5);
        // The hook changes nothing: the same seed gives the same numbers without it.
        assertThat(LoopSimulator.simulate(loop(4, Schedule.ACCUMULATE), 3, 7, 2)
                        .last()
                        .runs())
                .containsExactly(r.last().runs());
    }

    @Test
    void anAccumulateLoopTooCostlyIsRefusedBeforeItStartsWithTheLargestAllowedCount() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LoopSimulator.simulate(loop(10_000, Schedule.ACCUMULATE), 2, 1, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("generations must be at most 4470 for accumulate");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse").isLessThan(1);
        // At the limit n·d²·(K+1)(K+2)/2 <= 2e10 holds; one more generation breaks it.
        assertThat(2000.0 * 4471 * 4472 / 2).isLessThanOrEqualTo(LoopSimulator.MAX_ACCUMULATE_WORK);
        assertThat(2000.0 * 4472 * 4473 / 2).isGreaterThan(LoopSimulator.MAX_ACCUMULATE_WORK);
        LoopSimulator.requireSupported(loop(10_000, Schedule.REPLACE)); // linear work: allowed
    }

    @Test
    void theAdvisorReportsEveryTheoryPoint() {
        AtomicInteger points = new AtomicInteger();
        Advice a = Advisor.advise(
                Regime.ridge(Spectrum.isotropic(20), null, 40, 40, 0.5, 0.5, 0.3), points::incrementAndGet);
        assertThat(points.get()).isEqualTo(a.evaluations()).isPositive();
    }

    @Test
    void scalesThatOverflowDoubleArithmeticAreRefused() {
        Spectrum iso = Spectrum.isotropic(10);
        assertThatThrownBy(() -> Problem.ridge(iso, 20, 0.1, 1, 1e101, 0.1))
                .hasMessage(
                        "sigma must be at most 1e+100 (larger values overflow double-precision arithmetic), got 1.0E101");
        assertThatThrownBy(() -> Problem.ridge(iso, 20, 0.1, 1e201, 0.5, 0.1))
                .hasMessageStartingWith("c2 must be at most");
        assertThatThrownBy(() -> Problem.ridge(iso, 20, 0.1, 1, 0.5, 1e101))
                .hasMessageStartingWith("lambda must be at most");
        assertThatThrownBy(() -> Problem.ridge(iso, 20, 0.1, 1, 0.5, 0.1)
                        .withSources(null, 0.5, 1e13, org.collapselab.problem.Estimator.MIX))
                .hasMessageStartingWith("syntheticWeight must be at most");
        // The largest allowed values still give finite theory.
        assertThat(org.collapselab.theory.Theory.predict(Problem.ridge(iso, 20, 0.1, 1e200, 1e100, 1e100))
                        .testError())
                .isFinite();
    }
}
