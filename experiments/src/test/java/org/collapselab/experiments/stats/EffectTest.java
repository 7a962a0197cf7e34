package org.collapselab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.junit.jupiter.api.Test;

class EffectTest {
    private static final Threshold DELTA = new Threshold("DELTA", 0.1, "minimal effect");

    @Test
    void theIntervalIsTheTextbookTInterval() {
        Effect e = Effect.of(new double[] {1, 2, 3, 4, 5});
        Interval i = e.interval(0.95);
        Interval t = TInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(i.low()).isCloseTo(t.low(), within(1e-12));
        assertThat(i.high()).isCloseTo(t.high(), within(1e-12));
        assertThat(e.df()).isEqualTo(4);
        // the one-sided p at the lower bound is 2.5%: the interval and the tests agree
        assertThat(e.pAbove(i.low())).isCloseTo(0.025, within(1e-9));
        assertThat(e.pBelow(i.high())).isCloseTo(0.025, within(1e-9));
    }

    @Test
    void clustersCarryTheVarianceBetweenThem() {
        // two seeds per generator; generators differ by ±1, seeds within a generator by ±0.01
        double[] v = {1.01, 0.99, -0.99, -1.01, 3.01, 2.99};
        int[] g = {0, 0, 1, 1, 2, 2};
        Effect c = Effect.clustered(v, g);
        assertThat(c.mean()).isCloseTo(1.0, within(1e-12));
        assertThat(c.units()).isEqualTo(3);
        assertThat(c.n()).isEqualTo(6);
        assertThat(c.df()).isEqualTo(2);
        assertThat(c.standardError())
                .isCloseTo(Effect.of(new double[] {1, -1, 3}).standardError(), within(1e-12));
        // one value per cluster: the plain effect
        Effect plain = Effect.of(v);
        Effect single = Effect.clustered(v, new int[] {0, 1, 2, 3, 4, 5});
        assertThat(single.standardError()).isCloseTo(plain.standardError(), within(1e-15));
        assertThat(single.df()).isEqualTo(5);
    }

    @Test
    void aNonSignificantDifferenceSupportsNothing() {
        // mean 0.05, wide spread: neither above nor below δ = 0.1, and not equivalent to 0 within ±0.1
        Effect e = Effect.of(new double[] {-0.4, 0.5, 0.1, -0.2, 0.25});
        assertThat(EffectVerdicts.exceeds(e, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(EffectVerdicts.negligible(e, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
        // one seed: never decided
        Effect one = Effect.of(new double[] {5});
        assertThat(EffectVerdicts.exceeds(one, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(EffectVerdicts.negligible(one, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aSignificantEffectBelowTheMinimalEffectContradictsTheClaim() {
        // clearly positive (t interval above 0) but clearly smaller than δ
        Effect small = Effect.of(new double[] {0.031, 0.029, 0.030, 0.032, 0.028});
        assertThat(small.interval(0.95).low()).isGreaterThan(0);
        assertThat(EffectVerdicts.exceeds(small, DELTA)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(EffectVerdicts.negligible(small, DELTA)).isEqualTo(Verdict.SUPPORTED);
        Effect big = Effect.of(new double[] {0.31, 0.29, 0.30, 0.32, 0.28});
        assertThat(EffectVerdicts.exceeds(big, DELTA)).isEqualTo(Verdict.SUPPORTED);
        assertThat(EffectVerdicts.negligible(big, DELTA)).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void tostUsesTheNinetyPercentInterval() {
        // built so that the 90% interval ends just inside δ and the 95% interval just outside
        double se = 0.02;
        double t90 = new org.apache.commons.math3.distribution.TDistribution(4).inverseCumulativeProbability(0.95);
        double mean = 0.1 - t90 * se - 1e-4;
        Effect e = new Effect(mean, se, 4, 5, 5);
        assertThat(e.interval(0.90).high()).isLessThan(0.1);
        assertThat(e.interval(0.95).high()).isGreaterThan(0.1);
        assertThat(EffectVerdicts.negligible(e, DELTA)).isEqualTo(Verdict.SUPPORTED);
        assertThat(e.pEquivalent(0.1)).isLessThan(0.05).isGreaterThan(0.04);
    }

    @Test
    void holmCorrectsWithinAClaim() {
        // two parts, each just significant alone (p ≈ 0.02 < 0.025), not after Holm (2·0.02 > 0.025)
        double t = new org.apache.commons.math3.distribution.TDistribution(4).inverseCumulativeProbability(0.98);
        Effect part = new Effect(0.1 + t * 0.01, 0.01, 4, 5, 5);
        assertThat(EffectVerdicts.exceeds(part, DELTA)).isEqualTo(Verdict.SUPPORTED);
        assertThat(EffectVerdicts.exceedsEach(List.of(part, part), DELTA))
                .containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        // a clearly larger part survives the correction
        Effect strong = new Effect(0.5, 0.01, 4, 5, 5);
        assertThat(EffectVerdicts.exceedsEach(List.of(strong, part), DELTA))
                .containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED);
    }

    @Test
    void holmMatchesTheTextbookExample() {
        // p = (0.01, 0.04, 0.03, 0.005), m = 4: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → 0.06
        double[] adj = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adj).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
    }

    @Test
    void slopesArePerUnit() {
        double[] x = {0, 1, 2};
        double[][] y = {{0, 1, 2}, {1, 2.2, 3.0}, {0, 0.9, 2.1}};
        Effect s = Effect.slopes(x, y);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo((1 + 1.0 + 1.05) / 3, within(1e-12));
    }

    @Test
    void bootstrapOfTheMeanIsCloseToTheTInterval() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 + r.nextGaussian();
        }
        Interval b = Bootstrap.percentile(
                v.length,
                idx -> {
                    double s = 0;
                    for (int i : idx) {
                        s += v[i];
                    }
                    return s / idx.length;
                },
                0.95,
                11);
        Interval t = Effect.of(v).interval(0.95);
        assertThat(b.estimate()).isCloseTo(t.estimate(), within(1e-12));
        assertThat(b.low()).isCloseTo(t.low(), within(0.1));
        assertThat(b.high()).isCloseTo(t.high(), within(0.1));
        // seeded: repeatable
        Interval again = Bootstrap.percentile(v.length, idx -> v[idx[0]], 0.95, 11);
        assertThat(Bootstrap.percentile(v.length, idx -> v[idx[0]], 0.95, 11)).isEqualTo(again);
    }
}
