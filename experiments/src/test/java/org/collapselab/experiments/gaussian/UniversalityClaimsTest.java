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

/** Universality verdicts on hand-built results: theory 1, simulated means per law, standard error 0.01. */
class UniversalityClaimsTest {
    static final String FILE = """
      name: u
      compute: both
      fixed: {model: ridge, d: 10, p2: 0.2, c2: 1, sigma: 0.5, lambda: 0.01}
      sweep:
        n: [5, 20]
        features: [gaussian, rademacher, student:5, student:4, student:3]
      """;

    static List<Claim> claims(ToDoubleFunction<GaussianCell> sim) {
        return UniversalityClaims.of(run(FILE, c -> 1.0, sim, 0.01).results());
    }

    @Test
    void lightTailsInsideTheBandAndHeavyTailsOutsideAreSupported() {
        // deviations: light +1% (interval ±2%: [−1%, +3%] inside ±5%), ν = 4 +10% and ν = 3 +20% at n = 20
        List<Claim> c = claims(cell -> 1
                + switch (cell.features()) {
                    case "student:4" -> cell.n() == 20 ? 0.10 : 0.02;
                    case "student:3" -> 0.20;
                    default -> 0.01;
                });
        assertThat(verdict(c, "the Gaussian theory predicts")).isEqualTo(SUPPORTED);
        assertThat(verdict(c, "it still does for Student")).isEqualTo(SUPPORTED);
        assertThat(verdict(c, "it breaks for Student")).isEqualTo(SUPPORTED);
        assertThat(c.get(0).measured())
                .contains("gaussian: ridge n=5 +1.0% [-1.0, +3.0]")
                .contains("rademacher")
                .doesNotContain("student");
        assertThat(c.get(2).measured())
                .contains("student:4")
                .contains("student:3")
                .doesNotContain("student:5");
    }

    @Test
    void aLightLawOutsideTheBandContradictsAndAStraddlingOneIsInconclusive() {
        assertThat(verdict(claims(cell -> cell.features().equals("rademacher") ? 0.9 : 1), "the Gaussian theory"))
                .isEqualTo(CONTRADICTED);
        // +4%: interval [+2%, +6%] straddles the 5% band
        assertThat(verdict(claims(cell -> cell.features().equals("gaussian") ? 1.04 : 1), "the Gaussian theory"))
                .isEqualTo(INCONCLUSIVE);
    }

    @Test
    void aHeavyLawThatFollowsTheTheoryEverywhereContradictsTheBreakClaim() {
        assertThat(verdict(claims(cell -> cell.features().equals("student:3") ? 1.2 : 1), "it breaks"))
                .isEqualTo(CONTRADICTED); // student:4 stays inside the band in every cell
        assertThat(verdict(
                        claims(cell -> cell.features().equals("student:3")
                                ? 1.2
                                : cell.features().equals("student:4") ? 1.04 : 1),
                        "it breaks"))
                .isEqualTo(INCONCLUSIVE);
    }
}
