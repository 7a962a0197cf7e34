package org.collapselab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.stats.Interval.Side;
import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void matchesTheTextbookTInterval() {
    // values 1..5: mean 3, s = √2.5, t_{0.975, 4} = 2.7764451
    Interval i = Interval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    double half = 2.7764451 * Math.sqrt(2.5 / 5);
    assertThat(i.mean()).isEqualTo(3.0);
    assertThat(i.lower()).isCloseTo(3 - half, within(1e-6));
    assertThat(i.upper()).isCloseTo(3 + half, within(1e-6));
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
    Interval paired = Interval.paired(a, b, 0.95);
    assertThat(paired.relativeTo(0)).isEqualTo(Side.ABOVE);
    assertThat(paired.lower()).isGreaterThan(0.05);
    // unpaired, the same numbers cannot separate the two settings
    assertThat(Interval.of(a, 0.95).lower()).isLessThan(Interval.of(b, 0.95).upper());
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
      Interval i = Interval.of(v, 0.95);
      covered += i.lower() <= 2 && 2 <= i.upper() ? 1 : 0;
    }
    // binomial standard error √(0.95·0.05/4000) = 0.0034: |z| < 3
    assertThat(covered / (double) trials).isCloseTo(0.95, within(0.0104));
  }

  @Test
  void verdictsFollowTheIntervalAndAreInconclusiveWhenItStraddles() {
    Interval above = new Interval(0.3, 0.1, 0.5, 5, 0.95);
    assertThat(above.verdict(0, Side.ABOVE)).isEqualTo(Verdict.SUPPORTED);
    assertThat(above.verdict(0, Side.BELOW)).isEqualTo(Verdict.CONTRADICTED);
    assertThat(above.verdict(0.2, Side.ABOVE)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(above.verdict(0.1, Side.ABOVE)).isEqualTo(Verdict.INCONCLUSIVE); // touching
    Interval one = Interval.of(new double[] {4}, 0.95);
    assertThat(one.verdict(0, Side.ABOVE)).isEqualTo(Verdict.INCONCLUSIVE);
  }
}
