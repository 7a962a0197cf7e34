package org.collapselab.experiments.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.reproduce.Reproductions;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: classification}: cells, report, claims, bad input, and the bundled files. */
class ClassificationFamilyTest {
    private static final String YAML = """
      name: cls
      kind: classification
      figures: [n, breakdown]
      losses: [square]
      d: 20
      mu2: 2
      lambda: 0.05
      flip_rates: [0, 0.3]
      shares: [0.5]
      ns: [40, 400, 4000]
      sim_ns: [40, 400]
      breakdown_n: 200
      pool_flip_rates: [0, 0.25, 0.5, 0.75, 1]
      sim_flip_rates: [0.25, 0.75]
      verifiers: [[1, 1], [1, 0.5]]
      anchor_weights: [2]
      runs: 60
      seed: 5
      quick:
        runs: 10
      """;

    @Test
    void studyRunsItsCellsAndReportsFiguresAndClaims(@TempDir Path dir) throws Exception {
        Study study = StudyFamilies.read(StudyFile.parse("cls.yaml", YAML), false);
        // figure n: 2 flip rates × 1 share × 2 n; breakdown: (2 verifiers + 1 weight) × 2 flip rates
        assertThat(study.cells()).hasSize(4 + 6);
        assertThat(study.cells()).extracting(CellJob::key).doesNotHaveDuplicates();
        assertThat(StudyFamilies.read(StudyFile.parse("cls.yaml", YAML), false).cells())
                .extracting(CellJob::key)
                .containsExactlyElementsOf(
                        study.cells().stream().map(CellJob::key).toList());
        Map<String, StoredCell> stored = new HashMap<>();
        for (CellJob c : study.cells()) {
            stored.put(c.key(), c.compute());
        }
        StudyReport r = study.report(new StudyResults(study.cells(), stored), new ReportOptions(dir, true, 20, null));
        assertThat(r.figures()).hasSize(4); // two figures, PNG and SVG
        assertThat(r.claims()).extracting(Claim::verdict).containsOnly(Claim.Verdict.SUPPORTED);
        assertThat(r.claims()).hasSize(5); // agreement, no floor, falling error, crossing, sides
        assertThat(r.html()).contains("<figure>", "simulation ± se");
        // a report from no stored cell still gives the theory claims
        StudyReport empty =
                study.report(new StudyResults(study.cells(), Map.of()), new ReportOptions(dir, false, 20, null));
        assertThat(empty.claims()).extracting(Claim::claim).anyMatch(c -> c.contains("no floor"));
        Study quick = StudyFamilies.read(StudyFile.parse("cls.yaml", YAML), true);
        assertThat(quick.cells().get(0).key()).isNotEqualTo(study.cells().get(0).key());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        String bad = YAML.replace("figures: [n, breakdown]", "figures: [n, breakdown, width]")
                .replace("flip_rates: [0, 0.3]", "flip_rates: [0, 1.3]")
                .replace("verifiers: [[1, 1], [1, 0.5]]", "verifiers: [[1, 1], [0.5]]")
                .replace("runs: 60", "runs: 60\ncolour: red");
        assertThatThrownBy(() -> StudyFamilies.read(StudyFile.parse("cls.yaml", bad), false))
                .isInstanceOfSatisfying(StudyFileException.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(
                                "cls.yaml: colour: got 'colour'; allowed: a known key: anchor_real_share, anchor_weights, breakdown_n, d, "
                                        + "description, figures, flip_rates, keep_bad, keep_good, kind, lambda, lambda_n, lambda_share, lambdas, losses, "
                                        + "mu2, name, ns, pool_flip_rates, quick, runs, seed, shares, sim_flip_rates, sim_lambdas, sim_ns, "
                                        + "spectrum, synthetic_weight, verifiers",
                                "cls.yaml: figures[2]: got 'width'; allowed: one of n, lambda, breakdown, each once",
                                "cls.yaml: flip_rates[1]: got 1.3; allowed: a number in [0, 1]",
                                "cls.yaml: verifiers[1]: got [0.5]; allowed: a pair [keep_good, keep_bad] with keep_good in (0, 1], "
                                        + "keep_bad in [0, 1]"));
        assertThatThrownBy(() -> StudyFamilies.read(
                        StudyFile.parse(
                                "cls.yaml",
                                YAML.replace("losses: [square]", "losses: [logistic]")
                                        .replace("lambda: 0.05", "lambda: 0")),
                        false))
                .isInstanceOf(StudyFileException.class)
                .hasMessage("cls.yaml: lambda: got 0; allowed: a number in (0, 1000000]");
    }

    @Test
    void bundledStudiesReadAndReproductionIsRegistered() {
        for (String name : List.of("classification", "classification-breakdown")) {
            for (boolean quick : new boolean[] {false, true}) {
                assertThat(StudyFamilies.read(StudyFile.bundled(name), quick).cells())
                        .isNotEmpty();
            }
        }
        assertThat(Reproductions.available(false).get("classification").studies())
                .containsExactly("classification", "classification-breakdown");
    }
}
