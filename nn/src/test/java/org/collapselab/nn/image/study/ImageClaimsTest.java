package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collapselab.experiments.report.Claim.Verdict.CONTRADICTED;
import static org.collapselab.experiments.report.Claim.Verdict.INCONCLUSIVE;
import static org.collapselab.experiments.report.Claim.Verdict.SUPPORTED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.image.synthetic.LabelKind;
import org.collapselab.nn.image.synthetic.SyntheticQuality;
import org.junit.jupiter.api.Test;

/**
 * Every image claim verdict on hand-built results: test MSE as a function of the cell plus a small noise that differs
 * between cells and seeds (so paired differences have a spread). Generators: c² = 1 (10 images), 0.5 (100, the
 * main one), 0.2 (1000).
 */
class ImageClaimsTest {
    static final ImageStudy STUDY = ImageStudyReader.parse("t.yaml", """
      name: t
      kind: image
      dataset: toy
      data_dir: /nonexistent
      runs: 4
      generator_seeds: 4
      p2: [0, 0.1, 0.5]
      generator: {samples: 100, width: 16}
      reserved: 2000
      training: {epochs: 1}
      width_sweeps:
        - {network: random_features, n: 100, widths: [25, 50, 100, 200, 400], labels: hard}
        - {network: two_layer, n: 100, widths: [25, 50, 100, 200, 400]}
      size_sweeps: [{network: two_layer, width: 16, n: [100, 400, 1600, 6400]}]
      quality_sweep: {network: two_layer, width: 16, n: 400, generator_samples: [10, 100, 1000]}
      """, false);

    static Map<String, GeneratorQuality> generators() {
        Map<String, GeneratorQuality> gens = new LinkedHashMap<>();
        for (LabelKind l : LabelKind.values()) {
            for (int[] g : new int[][] {{10, 100}, {100, 50}, {1000, 20}}) {
                SyntheticQuality q = new SyntheticQuality(g[1] / 100.0, 0.1, 100);
                gens.put(GeneratorQuality.key(g[0], l), new GeneratorQuality(g[0], l, List.of(q, q), List.of(q, q)));
            }
        }
        return gens;
    }

    static List<Claim> claims(ToDoubleFunction<CellSpec> mse) {
        Map<CellSpec, CellResult> results = new LinkedHashMap<>();
        for (CellSpec c : STUDY.specs()) {
            double v = mse.applyAsDouble(c)
                    + 1e-3 * c.seed()
                    + 1e-5 * ((c.seed() * 31 + c.width() + c.n() + (int) (c.p2() * 10)) % 7 - 3);
            results.put(
                    c,
                    new CellResult(
                            v,
                            v / 10,
                            v,
                            0.5,
                            0.1,
                            c.realCount(),
                            c.syntheticCount(),
                            1,
                            10,
                            1,
                            100,
                            800L * c.width() + 10,
                            Double.NaN));
        }
        return ImageClaims.all(new ImageResults(STUDY, results, generators(), 0));
    }

    static Claim claim(List<Claim> cs, String start) {
        return cs.stream().filter(c -> c.claim().startsWith(start)).findFirst().orElseThrow();
    }

    static Verdict verdict(List<Claim> cs, String start) {
        return claim(cs, start).verdict();
    }

    static double c2(CellSpec c) {
        return c.generator().samples() == 10 ? 1.0 : c.generator().samples() == 100 ? 0.5 : 0.2;
    }

    @Test
    void errorRisesWithTheShareByMoreThanTheMinimalEffect() {
        String c = "Test error on real data rises";
        assertThat(verdict(claims(x -> 1 + x.p2()), c)).isEqualTo(SUPPORTED);
        assertThat(verdict(claims(x -> 1 - x.p2()), c)).isEqualTo(CONTRADICTED);
        // significant, but smaller than MIN_EFFECT everywhere: not a rise that matters
        assertThat(verdict(claims(x -> 1 + 0.0005 * x.p2()), c)).isEqualTo(CONTRADICTED);
        // larger at half the points, smaller at the others
        assertThat(verdict(claims(x -> 1 + (x.width() % 100 == 0 || x.n() > 400 ? x.p2() : 0)), c))
                .isEqualTo(INCONCLUSIVE);
        assertThat(claim(claims(x -> 1 + x.p2()), c).criteria()).contains("MIN_EFFECT = 0.001", "RISE_SHARE = 0.8");
    }

    @Test
    void plateauIsJudgedPerShareOnTheAbsolutePenalty() {
        String c = "Strong model collapse at p2 = 0.1";
        // clean error 100/n; a penalty that stays at the floor p2²c² (c² = 0.5): supported for each share
        List<Claim> floor = claims(x -> 100.0 / x.n() + x.p2() * x.p2() * 0.5);
        assertThat(verdict(floor, c)).isEqualTo(SUPPORTED);
        assertThat(verdict(floor, "Strong model collapse at p2 = 0.5")).isEqualTo(SUPPORTED);
        assertThat(claim(floor, c).measured())
                .contains(
                        "p2²c² = 0.0050 (c² = 0.500 ± 0.000 (2 generator replicates))",
                        "over n = [1600, 6400]",
                        "4 seeds, each with its own generator replicate");
        // a penalty that fades like the clean error: it falls, and ends below MIN_EFFECT
        assertThat(verdict(claims(x -> 100.0 / x.n() * (1 + x.p2())), "Strong model collapse at p2 = 0.5"))
                .isEqualTo(CONTRADICTED);
        // a penalty that stays but below MIN_EFFECT: no collapse that matters
        assertThat(verdict(claims(x -> 100.0 / x.n() + 0.0001 * x.p2()), c)).isEqualTo(CONTRADICTED);
    }

    /** Width sweeps (n = 100): clean error 1, plus the penalty of share p2 at width w. */
    static List<Claim> widths(ToDoubleFunction<CellSpec> penalty) {
        return claims(x -> x.n() == 100 && x.width() != 16
                ? 1 + (x.p2() > 0 ? penalty.applyAsDouble(x) : 0)
                : 100.0 / x.n() + x.p2());
    }

    @Test
    void penaltyPeaksNearWidthEqualsNByItsBootstrapInterval() {
        String c = "The penalty of synthetic data peaks";
        assertThat(verdict(widths(x -> x.width() == 100 ? 0.3 : 0.1), c)).isEqualTo(SUPPORTED);
        assertThat(verdict(widths(x -> x.width() == 25 ? 0.3 : 0.1), c)).isEqualTo(CONTRADICTED);
        assertThat(claim(widths(x -> x.width() == 100 ? 0.3 : 0.1), c).measured())
                .contains("peak at width 100", "bootstrap interval of the peak width [100, 100]");
    }

    @Test
    void beyondTheThresholdTheDirectionIsTested() {
        String rf = "Beyond the interpolation threshold (random features";
        // falls by half per doubling beyond width 100: larger models reduce it
        assertThat(verdict(widths(x -> 0.3 * 100.0 / Math.max(100, x.width())), rf))
                .isEqualTo(SUPPORTED);
        // grows beyond the threshold: contradicted, and said so
        List<Claim> grows = widths(x -> 0.001 * x.width());
        assertThat(verdict(grows, rf)).isEqualTo(CONTRADICTED);
        assertThat(claim(grows, rf).measured()).contains("does not fall: grows or stays");
        // the two-layer threshold comes from the parameter count: 800·w + 10 ≥ n·K = 100·10 at width 25
        assertThat(claim(grows, "Beyond the interpolation threshold (two-layer").claim())
                .contains("widths ≥ 25");
    }

    @Test
    void largerModelsDoNotEscape() {
        String c = "Larger models do not escape";
        assertThat(verdict(widths(x -> 0.1), c)).isEqualTo(SUPPORTED);
        assertThat(verdict(widths(x -> x.width() == 400 ? 0 : 0.1), c)).isEqualTo(CONTRADICTED);
        // a penalty at the largest width that changes sign with the seed: the intervals straddle MIN_EFFECT
        assertThat(verdict(widths(x -> x.width() == 400 ? (x.seed() % 2 == 0 ? 0.02 : -0.02) : 0.1), c))
                .isEqualTo(INCONCLUSIVE);
    }

    @Test
    void worseGeneratorsHurtMoreByABootstrapIntervalOfTheRankCorrelation() {
        String c = "Worse synthetic data";
        assertThat(verdict(claims(x -> 1 + x.p2() * c2(x)), c)).isEqualTo(SUPPORTED);
        assertThat(verdict(claims(x -> 1 - x.p2() * c2(x)), c)).isEqualTo(CONTRADICTED);
        assertThat(claim(claims(x -> 1 + x.p2() * c2(x)), c).measured())
                .contains("τ = 1.00", "97.5% bootstrap interval", "10 images → c² = 1.000 ± 0.000");
    }

    @Test
    void theBestWidthHasABootstrapInterval() {
        Map<CellSpec, CellResult> results = new LinkedHashMap<>();
        for (CellSpec c : STUDY.specs()) {
            double v = Math.abs(Math.log(c.width() / 200.0)) + 1e-3 * c.seed();
            results.put(c, new CellResult(v, v, v, 0, 0, 1, 1, 1, 1, 1, 1, 1, Double.NaN));
        }
        List<List<String>> rows = WidthClaims.bestWidths(new ImageResults(STUDY, results, generators(), 0));
        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.subList(3, 5)).containsExactly("200", "[200, 200]"));
        assertThat(rows.get(0).get(1)).isEqualTo("generator on 100 images (hard labels), c² = 0.500");
    }
}
