package org.collapselab.nn.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.problem.Schedule;
import org.junit.jupiter.api.Test;

/** The loop claims' verdicts on hand-built results: supported, contradicted, inconclusive. */
class LoopClaimsTest {
    static final Threshold DELTA = new Threshold("MIN_EFFECT", 0.01, "test");
    static final LoopArm REPLACE = new LoopArm(Schedule.REPLACE, 0);
    static final LoopArm ACCUMULATE = new LoopArm(Schedule.ACCUMULATE, 0);
    static final LoopArm FRESH = new LoopArm(Schedule.REPLACE, 0.5);
    static final LoopArm ALONE = new LoopArm(Schedule.REPLACE, 0.5, LoopArm.Variant.REAL_ONLY);
    static final LoopArm FIRST = new LoopArm(Schedule.REPLACE, 0, LoopArm.Variant.FIRST_TEACHER);
    static final LoopArm GROWING = new LoopArm(Schedule.ACCUMULATE, 0, LoopArm.Variant.GROWING_BUDGET);
    static final LoopArm ALL_REAL = new LoopArm(Schedule.ACCUMULATE, 1);
    static final List<LoopArm> ARMS = List.of(REPLACE, ACCUMULATE, FRESH, ALONE, FIRST, GROWING, ALL_REAL);

    /**
     * Loops whose loss at generation g is base + slope·g (settling after generation 2 when {@code settles}) + noise;
     * distinct-2 on matched words 0.8 − drop·g; rare-token loss rises {@code tail}·g faster than the loss.
     */
    static List<LoopResult> loops(
            double base, double slope, boolean settles, double[] noise, double drop, double tail) {
        List<LoopResult> out = new ArrayList<>();
        for (int s = 0; s < noise.length; s++) {
            List<GenerationResult> g = new ArrayList<>();
            for (int k = 0; k <= 3; k++) {
                double loss = base + slope * (settles ? Math.min(k, 2) : k) + (k == 0 ? 0 : noise[s] * (1 + k * 0.1));
                TextMeasures d = new TextMeasures(1000, 0.9, 0.3, 0.8, 0.9, 8);
                CollapseMetrics m = new CollapseMetrics(
                        4,
                        loss + 1 + tail * k + (k == 0 ? 0 : noise[s] / 2),
                        3,
                        2000,
                        0.5,
                        0.8 - drop * k + (k == 0 ? 0 : noise[s] / 3));
                g.add(new GenerationResult(k, 10, k == 0 ? 10 : 0, loss, Double.NaN, d, "", m, 1));
            }
            out.add(new LoopResult("replace", 0, "standard", s, g, null, 4));
        }
        return out;
    }

    private static final double[] SMALL = {0.001, -0.001, 0.0005, -0.0005, 0};
    private static final double[] LARGE = {0.5, -0.5, 0.4, -0.4, 0};

    static Map<String, List<LoopResult>> results(
            double[] noise,
            double replace,
            double accumulate,
            double fresh,
            double alone,
            double first,
            double growing,
            double allReal) {
        Map<String, List<LoopResult>> m = new LinkedHashMap<>();
        m.put(REPLACE.key(), loops(4, replace, false, noise, 0.05, 0.1));
        m.put(ACCUMULATE.key(), loops(4, accumulate, true, noise, 0, 0));
        m.put(FRESH.key(), loops(4, fresh, true, noise, 0, 0));
        m.put(ALONE.key(), loops(4, alone, true, noise, 0, 0));
        m.put(FIRST.key(), loops(4, first, false, noise, 0, 0));
        m.put(GROWING.key(), loops(4, growing, false, noise, 0, 0));
        m.put(ALL_REAL.key(), loops(4, allReal, true, noise, 0, 0));
        return m;
    }

    static Verdict verdict(List<Claim> cs, String start) {
        return cs.stream()
                .filter(c -> c.claim().startsWith(start))
                .findFirst()
                .orElseThrow()
                .verdict();
    }

    @Test
    void clearEffectsSupportEveryClaim() {
        List<Claim> c = LoopClaims.claims(
                ARMS, results(SMALL, 0.2, 0.05, 0.04, 0.02, 0.1, -0.01, -0.05), 3, "nats/token", DELTA);
        assertThat(c)
                .hasSize(10)
                .allSatisfy(x -> assertThat(x.verdict()).as(x.claim()).isEqualTo(Verdict.SUPPORTED));
        assertThat(c.get(0).measured()).contains("+0.6000", "5 seeds", "(larger than MIN_EFFECT = 0.01)");
        assertThat(verdict(c, "Accumulate settles")).isEqualTo(Verdict.SUPPORTED);
        assertThat(c.stream()
                        .filter(x -> x.claim().startsWith("Accumulate settles"))
                        .findFirst()
                        .orElseThrow()
                        .measured())
                .contains("90% CI", "within ±0.01 (TOST)");
    }

    @Test
    void reversedOrTinyEffectsAreContradicted() {
        List<Claim> c =
                LoopClaims.claims(ARMS, results(SMALL, -0.1, 0.1, 0.1, 0.1, -0.1, 0.1, 0.2), 3, "nats/token", DELTA);
        assertThat(verdict(c, "Replace degrades")).isEqualTo(Verdict.CONTRADICTED);
        assertThat(verdict(c, "Accumulate degrades less")).isEqualTo(Verdict.CONTRADICTED);
        assertThat(verdict(c, "The recursion compounds")).isEqualTo(Verdict.CONTRADICTED);
        assertThat(verdict(c, "Accumulate with a training budget")).isEqualTo(Verdict.CONTRADICTED);
        // a loss that keeps rising by 0.1 per generation has not settled
        List<Claim> rising = LoopClaims.claims(
                List.of(REPLACE, FRESH),
                Map.of(
                        REPLACE.key(),
                        loops(4, 0.1, false, SMALL, 0, 0),
                        FRESH.key(),
                        loops(4, 0.1, false, SMALL, 0, 0)),
                3,
                "",
                DELTA);
        assertThat(verdict(rising, "A fresh real share")).isEqualTo(Verdict.CONTRADICTED);
        // a degradation smaller than MIN_EFFECT is not supported
        List<Claim> tiny = LoopClaims.claims(
                List.of(REPLACE), Map.of(REPLACE.key(), loops(4, 0.001, false, SMALL, 0, 0)), 3, "", DELTA);
        assertThat(verdict(tiny, "Replace degrades")).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void wideIntervalsAreInconclusiveAndMissingArmsLeaveTheirClaimsOut() {
        List<Claim> c = LoopClaims.claims(
                List.of(REPLACE, ACCUMULATE),
                Map.of(
                        REPLACE.key(),
                        loops(4, 0.02, false, LARGE, 0, 0),
                        ACCUMULATE.key(),
                        loops(4, 0, true, LARGE, 0, 0)),
                3,
                "",
                DELTA);
        assertThat(c).extracting(Claim::claim).noneMatch(x -> x.startsWith("The recursion") || x.startsWith("A fresh"));
        assertThat(verdict(c, "Replace degrades")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict(c, "Accumulate settles")).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void oneSeedIsNeverDecided() {
        double[] one = {0};
        List<Claim> c = LoopClaims.claims(ARMS, results(one, 1, 0.1, 0.1, 0, 0.5, 0, 0), 3, "", DELTA);
        assertThat(c).isNotEmpty().allMatch(x -> x.verdict() == Verdict.INCONCLUSIVE);
    }
}
