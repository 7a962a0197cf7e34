package org.collapselab.nn.text.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.synthetic.GeneratorResult;
import org.junit.jupiter.api.Test;

/** Verdicts of the language-model claims from made-up runs whose paired differences are known. */
class LmClaimsTest {
    private static LmExperimentConfig config(int seeds, int generatorSeeds) {
        String yaml = TestTexts.tinyYaml(Path.of("unused"), "[0, 0.01, 0.1, 0.5]")
                        .replace("seeds: 1", "seeds: " + seeds)
                        .replace("budgets: [7680, 15360]", "budgets: [1000, 2000, 4000]")
                + "generator_seeds: " + generatorSeeds + "\n";
        return ((LmStudy) StudyFamilies.read(StudyFile.parse("t.yaml", yaml), false)).config();
    }

    /**
     * Final loss = clean(budget, seed) + effect + tiny noise; the clean loss falls by 0.2 per budget and spreads by
     * 0.05 per seed (far more than the effects: only pairing sees them). Generated arms pay {@code effect + growth·k}
     * at budget index k, and {@code early} more over the first 8 positions; the controls pay {@code control}.
     */
    private static LmAnalysis analysis(
            LmExperimentConfig c, double effect, double growth, double control, double early, double generatorLoss) {
        List<LmRunResult> out = new ArrayList<>();
        for (int k = 0; k < c.budgets().size(); k++) {
            for (int seed = 0; seed < c.seeds(); seed++) {
                double clean = 3 + 0.05 * seed - 0.2 * k;
                for (LmArm arm : c.arms()) {
                    double e =
                            switch (arm.source()) {
                                case REAL -> 0;
                                case GENERATED -> effect + growth * k;
                                default -> control;
                            };
                    double noise = 1e-4 * ((seed * 31 + k * 7 + arm.key().length()) % 7 - 3);
                    double fin = clean + e + noise;
                    double[] pos = new double[32];
                    for (int i = 0; i < pos.length; i++) {
                        pos[i] = fin + (arm.source() == LmArm.Source.GENERATED && i < 8 ? early : 0);
                    }
                    TrainingCurve curve =
                            new TrainingCurve(List.of(new TrainingCurve.Point(100, 100, 0, 3.5, fin)), 100, 1);
                    out.add(new LmRunResult(
                            arm,
                            c.budgets().get(k),
                            seed,
                            arm.source() == LmArm.Source.GENERATED ? c.replicateOf(seed) : -1,
                            1,
                            1000,
                            curve,
                            fin,
                            pos,
                            2,
                            5,
                            Double.NaN,
                            "",
                            1,
                            List.of(),
                            1));
                }
            }
        }
        List<GeneratorResult> gens = new ArrayList<>();
        for (int r = 0; r < c.generatorSeeds(); r++) {
            gens.add(new GeneratorResult(
                    "weak",
                    r,
                    "w",
                    "t",
                    "",
                    "1×32",
                    0,
                    1,
                    1,
                    0,
                    generatorLoss,
                    0,
                    0,
                    0,
                    "f",
                    "",
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Double.NaN,
                    null,
                    null,
                    null,
                    0));
        }
        return new LmAnalysis(c, out, gens);
    }

    @Test
    void pairedPenaltiesAboveTheMinimalEffectSupportEveryClaim() {
        LmExperimentConfig c = config(5, 5);
        // the generator (2.9) lies between the clean students at the first budget (3.0-3.2) and the last (2.6-2.8)
        List<Claim> claims = LmClaims.claims(analysis(c, 0.05, 0.03, 0, 0.1, 2.9));
        assertThat(claims).hasSize(8); // three shares, fading, crossing, dilution, shifted, position
        assertThat(claims).extracting(Claim::verdict).containsOnly(Verdict.SUPPORTED);
        assertThat(claims.get(0).claim()).startsWith("A share p2 = 0.01 of the weak generator's text raises");
        assertThat(claims.get(0).measured())
                .contains("5 seeds", "Holm over 3 parts", "T = 1k: +0.0499 [", "(larger than MIN_EFFECT = 0.01)");
        assertThat(claims.get(4).measured())
                .contains("penalty at T = 4k minus at T = 1k", "generator real-test loss 2.900");
    }

    @Test
    void noEffectIsNeverSupportedAndAnAbsentPenaltyCannotFade() {
        LmExperimentConfig c = config(5, 5);
        List<Claim> none = LmClaims.claims(analysis(c, 0, 0, 0, 0, 2.9));
        assertThat(none).extracting(Claim::verdict).doesNotContain(Verdict.SUPPORTED);
        // a zero penalty measured this precisely is smaller than MIN_EFFECT, and equivalent to 0 within it (TOST)
        assertThat(none.get(0).verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(none.get(0).measured()).contains("smaller than MIN_EFFECT", "no effect beyond ±MIN_EFFECT (TOST");
        assertThat(none.get(3).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(none.get(3).measured()).startsWith("not testable: no share of its text raised the loss");
        LmExperimentConfig one = config(1, 1);
        assertThat(LmClaims.claims(analysis(one, 0.05, 0.03, 0, 0.1, 2.9)))
                .extracting(Claim::verdict)
                .containsOnly(Verdict.INCONCLUSIVE);
    }

    @Test
    void aSignificantPenaltyBelowTheMinimalEffectDoesNotSupportTheClaim() {
        LmExperimentConfig c = config(5, 5);
        Claim small = LmClaims.claims(analysis(c, 0.004, 0, 0, 0, 2.9)).get(0);
        assertThat(small.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(small.measured()).contains("+0.0039 [", "smaller than MIN_EFFECT");
    }

    @Test
    void syntheticDataThatHelpsContradictsStrongCollapse() {
        LmExperimentConfig c = config(5, 5);
        assertThat(LmClaims.claims(analysis(c, -0.02, 0, 0, 0, 2.9)).get(0).verdict())
                .isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void aGeneratorTheStudentsNeverPassLeavesTheCrossingUntestable() {
        LmExperimentConfig c = config(5, 5);
        Claim crossing = LmClaims.claims(analysis(c, 0.05, 0.03, 0, 0.1, 2.0)).get(4);
        assertThat(crossing.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(crossing.measured()).startsWith("not testable: the students do not end significantly better");
    }

    @Test
    void intervalsRestOnGeneratorReplicatesWhenSeedsShareThem() {
        // four seeds on two generator replicates: two clusters, one degree of freedom, nothing decided
        LmExperimentConfig c = config(4, 2);
        Claim share = LmClaims.claims(analysis(c, 0.05, 0, 0, 0, 2.9)).get(0);
        assertThat(share.measured()).contains("4 seeds on 2 generator replicates");
        assertThat(c.replicateOf(3)).isEqualTo(1);
    }
}
