package org.collapselab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.junit.jupiter.api.Test;

class TIntervalTest {
    @Test
    void matchesTheTextbookTInterval() {
        // values 1..5: mean 3, s = √2.5, t_{0.975, 4} = 2.7764451
        Interval i = TInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        double half = 2.7764451 * Math.sqrt(2.5 / 5);
        assertThat(i.estimate()).isEqualTo(3.0);
        assertThat(i.low()).isCloseTo(3 - half, within(1e-6));
        assertThat(i.high()).isCloseTo(3 + half, within(1e-6));
    }

    @Test
    void pairingRemovesTheSharedSeedSpread() {
        // seeds differ by a lot, the setting shifts every seed by 0.1 plus small noise
        SplittableRandom r = new SplittableRandom(7);
        double[] a = new double[5];
        double[] b = new double[5];
        for (int s = 0; s < 5; s++) {
            double seedEffect = r.nextGaussian();
            b[s] = seedEffect;
            a[s] = seedEffect + 0.1 + 0.01 * r.nextGaussian();
        }
        Interval paired = TInterval.paired(a, b, 0.95);
        assertThat(Verdicts.above(paired, ZERO)).isEqualTo(Verdict.SUPPORTED);
        assertThat(paired.low()).isGreaterThan(0.05);
        // unpaired, the same numbers cannot separate the two settings
        assertThat(TInterval.of(a, 0.95).low()).isLessThan(TInterval.of(b, 0.95).high());
    }

    @Test
    void coversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        SplittableRandom r = new SplittableRandom(11);
        int covered = 0;
        int trials = 4000;
        for (int k = 0; k < trials; k++) {
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = 2 + r.nextGaussian();
            }
            Interval i = TInterval.of(v, 0.95);
            covered += i.low() <= 2 && 2 <= i.high() ? 1 : 0;
        }
        // binomial standard error √(0.95·0.05/4000) = 0.0034: |z| < 3
        assertThat(covered / (double) trials).isCloseTo(0.95, within(0.0104));
    }

    @Test
    void oneValueIsInconclusiveForTheSharedClaimHelper() {
        Interval one = TInterval.of(new double[] {4}, 0.95);
        assertThat(Verdicts.above(one, ZERO)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(one.format("%.1f")).isEqualTo("4.0 [-Infinity, Infinity]");
        // no value at all: an unknown estimate that no threshold decides either
        Interval none = TInterval.of(org.collapselab.stats.Summary.of(new double[0]), 0.95);
        assertThat(none.estimate()).isNaN();
        assertThat(Verdicts.above(none, ZERO)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdicts.below(none, ZERO)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private static final Threshold ZERO = new Threshold("ZERO", 0, "no difference");
}
