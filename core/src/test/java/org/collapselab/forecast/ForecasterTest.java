package org.collapselab.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The assembled forecast: deterministic for a seed, whatever the thread count; outputs consistent. */
class ForecasterTest {

    /** Noisy pilots (3 seeds, 3% run-to-run scatter) from the saturating law of {@link LawFitterTest}. */
    static PilotSet noisyPilots() {
        SplittableRandom rng = new SplittableRandom(7);
        List<Pilot> p = new ArrayList<>();
        for (long n : new long[] {50, 100, 200, 400, 800, 1600}) {
            for (double p2 : new double[] {0, 0.2, 0.5}) {
                double e = CollapseLaw.predict(LawFitterTest.SATURATING, n, p2, 1);
                for (long seed = 1; seed <= 3; seed++) {
                    p.add(new Pilot(n, p2, e * (1 + 0.03 * rng.nextGaussian()), Double.NaN, 1, Double.NaN, seed));
                }
            }
        }
        return PilotSet.of(p);
    }

    @Test
    void isTheSameOnOneThreadAndOnTwo() {
        PilotSet s = noisyPilots();
        ForecastResult one = Forecaster.forecast(s, new Forecaster.Request(16_000, 0.2, 1, 0.9, 40, 3, 1, Double.NaN));
        ForecastResult two = Forecaster.forecast(s, new Forecaster.Request(16_000, 0.2, 1, 0.9, 40, 3, 2, Double.NaN));
        assertThat(two.forecast()).isEqualTo(one.forecast());
        assertThat(two.parameters()).isEqualTo(one.parameters());
        assertThat(two.stopHelping()).isEqualTo(one.stopHelping());
    }

    @Test
    void reportsConsistentForecasts() {
        PilotSet s = noisyPilots();
        ForecastResult r = Forecaster.forecast(s, new Forecaster.Request(16_000, 0.2, 1, 0.9, 40, 3, 2, Double.NaN));
        Estimate f = r.forecast().law();
        assertThat(f.low()).isLessThanOrEqualTo(f.value());
        assertThat(f.high()).isGreaterThanOrEqualTo(f.value());
        double truth = CollapseLaw.predict(LawFitterTest.SATURATING, 16_000, 0.2, 1);
        assertThat(f.value()).as("forecast at 10x the largest pilot").isCloseTo(truth, within(0.1 * truth));
        assertThat(f.high() - f.low())
                .as("a 3%% scatter leaves a real interval")
                .isBetween(0.005 * truth, 0.3 * truth);
        assertThat(r.forecast().baseline()).as("p2 = 0.2 was piloted").isNotNull();
        assertThat(r.curves()).extracting(ForecastResult.Curve::p2).containsExactly(0.0, 0.2, 0.5);
        assertThat(r.bestMix().share().value()).isBetween(0.0, FittedLaw.MAX_SHARE);
        assertThat(r.bestMix().weightedError().value())
                .isLessThanOrEqualTo(r.bestMix().realOnly().value() + 1e-12);
        assertThat(r.replicates()).isEqualTo(40);
    }
}
