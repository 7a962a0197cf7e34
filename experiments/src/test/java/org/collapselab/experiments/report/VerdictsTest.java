package org.collapselab.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collapselab.experiments.report.Claim.Verdict.CONTRADICTED;
import static org.collapselab.experiments.report.Claim.Verdict.INCONCLUSIVE;
import static org.collapselab.experiments.report.Claim.Verdict.SUPPORTED;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {
    static final Threshold T = new Threshold("T", 1.0, "a bound");

    @Test
    void aboveAndBelowJudgeTheWholeInterval() {
        assertThat(Verdicts.above(Interval.around(1.5, 0.1, 2), T)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.above(Interval.around(0.5, 0.1, 2), T)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.above(Interval.around(1.1, 0.1, 2), T)).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.below(Interval.around(0.5, 0.1, 2), T)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.below(Interval.around(1.5, 0.1, 2), T)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.below(Interval.around(0.9, 0.1, 2), T)).isEqualTo(INCONCLUSIVE);
    }

    @Test
    void nearAndBetween() {
        Threshold tol = new Threshold("TOL", 0.1, "relative");
        assertThat(Verdicts.near(Interval.point(1.05), 1, tol)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.near(Interval.point(1.2), 1, tol)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.near(Interval.around(1.08, 0.02, 2), 1, tol)).isEqualTo(INCONCLUSIVE);
        Threshold lo = new Threshold("LO", 0.5, "low");
        Threshold hi = new Threshold("HI", 2, "high");
        assertThat(Verdicts.between(Interval.point(1), lo, hi)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.between(Interval.point(4), lo, hi)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.between(Interval.around(2, 0.5, 1), lo, hi)).isEqualTo(INCONCLUSIVE);
    }

    @Test
    void sharesAndCombinations() {
        Threshold s = new Threshold("S", 0.9, "for supported");
        Threshold c = new Threshold("C", 0.7, "below: contradicted");
        assertThat(Verdicts.share(9, 10, s, c)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.share(8, 10, s, c)).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.share(6, 10, s, c)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.share(0, 0, s, c)).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.all(List.of(SUPPORTED, SUPPORTED))).isEqualTo(SUPPORTED);
        assertThat(Verdicts.all(List.of(CONTRADICTED, CONTRADICTED))).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.all(List.of(SUPPORTED, CONTRADICTED))).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.all(List.of())).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.every(List.of(SUPPORTED, SUPPORTED))).isEqualTo(SUPPORTED);
        assertThat(Verdicts.every(List.of(SUPPORTED, CONTRADICTED))).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.every(List.of(SUPPORTED, INCONCLUSIVE))).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.every(List.of())).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.consensus(List.of(SUPPORTED, INCONCLUSIVE))).isEqualTo(SUPPORTED);
        assertThat(Verdicts.consensus(List.of(CONTRADICTED, INCONCLUSIVE))).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.consensus(List.of(SUPPORTED, CONTRADICTED))).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.consensus(List.of())).isEqualTo(INCONCLUSIVE);
        // a confirming part withholds support but never refutes
        assertThat(Verdicts.every(List.of(SUPPORTED, Verdicts.confirms(false)))).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.every(List.of(CONTRADICTED, Verdicts.confirms(true))))
                .isEqualTo(CONTRADICTED);
        assertThat(Verdicts.confirms(true)).isEqualTo(SUPPORTED);
    }

    @Test
    void reachesHasASupportingAndARefutingLevel() {
        Threshold level = new Threshold("LEVEL", 0.5, "a rank correlation");
        Threshold zero = new Threshold("ZERO", 0, "sign");
        assertThat(Verdicts.reaches(Interval.point(0.5), level, zero)).isEqualTo(SUPPORTED);
        assertThat(Verdicts.reaches(Interval.point(0.3), level, zero)).isEqualTo(INCONCLUSIVE);
        assertThat(Verdicts.reaches(Interval.point(0), level, zero)).isEqualTo(CONTRADICTED);
        assertThat(Verdicts.reaches(new Interval(0.4, 0.2, 0.6), level, zero)).isEqualTo(INCONCLUSIVE);
    }

    @Test
    void thresholdsArePrintedBesideTheVerdict() {
        Claim claim = new Claim("x", "1", SUPPORTED, T, new Threshold("Z", 2.5, "standard errors"));
        assertThat(claim.criteria()).isEqualTo("T = 1 (a bound); Z = 2.500 (standard errors)");
        assertThat(HtmlReport.claimsTable(List.of(claim)))
                .contains("<th>Judged against</th>", "<td>T = 1 (a bound); Z = 2.500 (standard errors)</td>");
        assertThatThrownBy(() -> new Interval(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
