package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** {@link AgreementFilter}: the band's edges, the counts, and bad parameters. */
class AgreementFilterTest {
  @Test
  void keepsExactlyTheRowsInsideTheBand() {
    // s² = 0.25, κ = 2: half-width 1; |residuals| = 0, 1 (on the edge: kept), 1.0001, 3.
    AgreementFilter.Verdict v = AgreementFilter.verify(new double[] {1, 2, -0.0001, 4}, new double[] {1, 1, 1, 1},
        0.25, 2);
    assertThat(v.keep()).containsExactly(true, true, false, false);
    assertThat(v.kept()).isEqualTo(2);
    assertThat(v.share()).isEqualTo(0.5);
    assertThat(v.halfWidth()).isEqualTo(1.0);
    assertThat(v.keptRows()).containsExactly(0, 1);
  }

  @Test
  void badBandAndErrorAreOneLine() {
    assertThatThrownBy(() -> AgreementFilter.verify(new double[] {1}, new double[] {1}, 1, 0))
        .isInstanceOf(ParameterException.class).hasMessageContaining("band").hasMessageContaining("> 0");
    assertThatThrownBy(() -> AgreementFilter.verify(new double[] {1}, new double[] {1}, Double.NaN, 2))
        .isInstanceOf(ParameterException.class).hasMessageContaining("referenceError");
  }
}
