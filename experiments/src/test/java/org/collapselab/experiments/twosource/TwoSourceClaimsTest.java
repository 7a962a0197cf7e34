package org.collapselab.experiments.twosource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.stats.Summary;
import org.junit.jupiter.api.Test;

class TwoSourceClaimsTest {
    private static final long[] NS = {300, 1000, 10_000, 100_000, 1_000_000};

    @Test
    void verdictsForTheSameAndForShiftedCovariances() {
        List<Claim> same = TwoSourceClaims.check(
                new TwoSourceFigures.Setting(Spectrum.isotropic(100), null, 0.5, 1.0, 0.5, 0.5, 0), NS, 0.3);
        assertThat(same)
                .extracting(Claim::verdict)
                .containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.CONTRADICTED);
        assertThat(same.get(2).measured()).contains("α=0.50 exact 0.25005", "transcribed 0.06251");
        List<Claim> shifted = TwoSourceClaims.check(
                new TwoSourceFigures.Setting(
                        Spectrum.powerLaw(100, 1.0), Spectrum.isotropic(100), 0.3, 1.0, 0.5, 0.8, 0),
                NS,
                0.3);
        assertThat(shifted)
                .extracting(Claim::verdict)
                .containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.CONTRADICTED);
        assertThat(shifted.get(1).measured()).contains("population plateau=0.25975");
    }

    @Test
    void agreementVerdictCountsPointsWithinThreeStandardErrors() {
        TwoSourceFigures.SimPoint good = new TwoSourceFigures.SimPoint(100, 0.1, new Summary(1.0, 0.1, 100), 1.02);
        TwoSourceFigures.SimPoint bad = new TwoSourceFigures.SimPoint(100, 0.2, new Summary(1.0, 0.1, 100), 1.05);
        assertThat(TwoSourceClaims.agreement(List.of(good, good, good, good, good, good, good, good, good, bad))
                        .verdict())
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(TwoSourceClaims.agreement(List.of(good, bad)).verdict()).isEqualTo(Verdict.CONTRADICTED);
    }
}
