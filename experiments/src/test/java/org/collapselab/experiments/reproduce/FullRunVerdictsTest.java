package org.collapselab.experiments.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.report.Threshold;
import org.junit.jupiter.api.Test;

class FullRunVerdictsTest {
    private static final Threshold ZERO = new Threshold("NO_PENALTY", 0, "difference");

    @Test
    void quickClaimsCarryTheFullRunsVerdictAndSayWhenItDiffers() {
        ReportSection quick = new ReportSection(
                "lm",
                "LM",
                "<p>body</p>",
                List.of(
                        new Claim("A", "+0.10 [+0.05, +0.15]", Verdict.SUPPORTED, ZERO),
                        new Claim("B", "+0.06 [+0.04, +0.08]", Verdict.SUPPORTED, ZERO),
                        new Claim("C", "-0.01 [-0.20, +0.18]", Verdict.INCONCLUSIVE, ZERO)));
        FullRunVerdicts.Reference full = new FullRunVerdicts.Reference(
                "full run, 5 seeds",
                List.of(
                        new Claim("A", "+0.08 [+0.07, +0.09]", Verdict.SUPPORTED, ZERO),
                        new Claim("B", "-0.01 [-0.04, +0.03]", Verdict.INCONCLUSIVE, ZERO)));

        ReportSection out = FullRunVerdicts.annotate(quick, full);

        assertThat(out.claims())
                .extracting(Claim::verdict)
                .containsExactly(Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.INCONCLUSIVE); // quick verdicts kept
        assertThat(out.claims()).extracting(FullRunVerdicts::differs).containsExactly(false, true, false);
        assertThat(out.claims().get(0).measured())
                .isEqualTo("+0.10 [+0.05, +0.15]. Full run (full run, 5 seeds): also "
                        + "SUPPORTED, +0.08 [+0.07, +0.09].");
        assertThat(out.claims().get(1).measured())
                .isEqualTo("THE FULL RUN DIFFERS: it finds INCONCLUSIVE (full run, 5 "
                        + "seeds): -0.01 [-0.04, +0.03]. This quick run (SUPPORTED): +0.06 [+0.04, +0.08].");
        assertThat(out.claims().get(2).measured()).endsWith("Not checked by the full run (full run, 5 seeds).");
        assertThat(out.bodyHtml())
                .startsWith("<p>Quick verdicts against the full run (full run, 5 seeds): 1 of 3 agree; " + "1 differ")
                .contains("B (quick SUPPORTED, full INCONCLUSIVE)")
                .endsWith("<p>body</p>");
    }

    @Test
    void aClaimOnAnotherGridIsMatchedByItsMaskedStatementOnlyWhenThatIsUnambiguous() {
        ReportSection quick = new ReportSection(
                "mnist",
                "MNIST",
                "",
                List.of(
                        new Claim("plateau (width 10000 vs n)", "q1", Verdict.INCONCLUSIVE, ZERO),
                        new Claim("peak at n = 1000 (p2 = 0.3)", "q2", Verdict.SUPPORTED, ZERO)));
        FullRunVerdicts.Reference full = new FullRunVerdicts.Reference(
                "full",
                List.of(
                        new Claim("plateau (width 40000 vs n)", "f1", Verdict.SUPPORTED, ZERO),
                        new Claim("peak at n = 2000 (p2 = 0.1)", "f2", Verdict.SUPPORTED, ZERO),
                        new Claim("peak at n = 4000 (p2 = 0.5)", "f3", Verdict.CONTRADICTED, ZERO)));

        ReportSection out = FullRunVerdicts.annotate(quick, full);

        assertThat(out.claims().get(0).measured())
                .isEqualTo("THE FULL RUN DIFFERS: it finds SUPPORTED (full; its grid: "
                        + "plateau (width 40000 vs n)): f1. This quick run (INCONCLUSIVE): q1.");
        assertThat(out.claims().get(1).measured()).isEqualTo("q2. Not checked by the full run (full)."); // a tie
        // among several candidates, the one sharing the most numbers (the generator size) wins
        ReportSection gen = new ReportSection(
                "mnist",
                "MNIST",
                "",
                List.of(new Claim("plateau (n to 2000, generator on 500 images).", "q.", Verdict.SUPPORTED, ZERO)));
        FullRunVerdicts.Reference two = new FullRunVerdicts.Reference(
                "full",
                List.of(
                        new Claim("plateau (n to 32000, generator on 500 images).", "f500.", Verdict.SUPPORTED, ZERO),
                        new Claim(
                                "plateau (n to 16000, generator on 3000 images).",
                                "f3000.",
                                Verdict.CONTRADICTED,
                                ZERO)));
        assertThat(FullRunVerdicts.annotate(gen, two).claims().get(0).measured())
                .isEqualTo("q. Full run (full; its "
                        + "grid: plateau (n to 32000, generator on 500 images)): also SUPPORTED, f500.");
        assertThat(FullRunVerdicts.mask("n = 1000, p2 = 0.01, width 4e3")).isEqualTo("n = #, p# = #, width #e#");
    }

    @Test
    void bundledReferencesParseAndSectionsWithoutOneAreUnchanged() {
        // every bundled reference: its run's date, its claim count, and an interval and thresholds on every claim
        record Bundled(String id, String date, int claims) {}
        for (Bundled b : List.of(
                new Bundled("generations", "2026-12-06", 21),
                new Bundled("lm", "2026-12-06", 16),
                new Bundled("mnist", "2026-12-06", 33))) {
            FullRunVerdicts.Reference r = FullRunVerdicts.load(b.id()).orElseThrow();
            assertThat(r.source()).as(b.id()).contains(b.date());
            assertThat(r.claims()).as(b.id()).hasSize(b.claims()).allSatisfy(c -> {
                assertThat(c.verdict()).isNotNull();
                assertThat(c.measured()).containsAnyOf("[", "±"); // an interval, not a point
                assertThat(c.thresholds()).isNotEmpty();
            });
        }
        assertThat(FullRunVerdicts.load("lm").orElseThrow().claims()).allSatisfy(c -> {
            assertThat(c.measured()).contains("[", "95% CI");
            assertThat(c.thresholds()).extracting(Threshold::name).containsAnyOf("MIN_EFFECT", "NO_FADING");
        });
        // a redesigned study without a full run yet: its quick claims say so
        FullRunVerdicts.Reference noFullRun =
                new FullRunVerdicts.Reference("no full run of this design yet", List.of());
        assertThat(FullRunVerdicts.annotate(
                                new ReportSection(
                                        "lm", "x", "<p>x</p>", List.of(new Claim("A", "1", Verdict.SUPPORTED))),
                                noFullRun)
                        .claims()
                        .get(0)
                        .measured())
                .startsWith("1. Not checked by the full run (no full run");
        ReportSection none =
                new ReportSection("no-such-section", "x", "<p>x</p>", List.of(new Claim("A", "1", Verdict.SUPPORTED)));
        assertThat(FullRunVerdicts.annotate(none)).isSameAs(none);
    }
}
