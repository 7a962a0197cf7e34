package org.collapselab.experiments.twosource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

class TwoSourceClaimsTest {
  private static final long[] NS = {300, 1000, 10_000, 100_000, 1_000_000};

  @Test
  void verdictsForTheSameAndForShiftedCovariances() {
    List<TwoSourceClaims.Claim> same = TwoSourceClaims.check(
        new TwoSourceFigures.Setting(Spectrum.isotropic(100), null, 0.5, 1.0, 0.5, 0.5, 0), NS, 0.3);
    assertThat(same).extracting(TwoSourceClaims.Claim::holds).containsExactly(true, true, false);
    assertThat(same.get(2).measured()).contains("α=0.50 exact 0.25005", "transcribed 0.06251");
    List<TwoSourceClaims.Claim> shifted = TwoSourceClaims.check(new TwoSourceFigures.Setting(
        Spectrum.powerLaw(100, 1.0), Spectrum.isotropic(100), 0.3, 1.0, 0.5, 0.8, 0), NS, 0.3);
    assertThat(shifted).extracting(TwoSourceClaims.Claim::holds).containsExactly(true, true, false);
  }
}
