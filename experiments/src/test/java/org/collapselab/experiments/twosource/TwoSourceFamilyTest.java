package org.collapselab.experiments.twosource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class TwoSourceFamilyTest {
    private static final String YAML = """
      name: ts
      kind: twosource
      d: 20
      p2: 0.5
      c2: 1.0
      sigma: 0.5
      ns: [60, 600]
      alphas: [0, 0.1, 0.3, 0.6]
      sim_alphas: [0.1, 0.5]
      runs: 40
      seed: 3
      strategy_ns: [60, 600, 6000]
      claim_ns: [60, 600, 6000, 60000, 600000]
      quick:
        runs: 10
      """;

    @Test
    void studyRunsItsCellsAndReportsFiguresAndClaims(@TempDir Path dir) throws Exception {
        Study study = StudyFamilies.read(StudyFile.parse("ts.yaml", YAML), false);
        assertThat(study.cells()).hasSize(4);
        assertThat(study.cells()).extracting(CellJob::key).doesNotHaveDuplicates();
        Map<String, StoredCell> stored = new HashMap<>();
        for (CellJob c : study.cells()) {
            stored.put(c.key(), c.compute());
        }
        StudyReport r = study.report(new StudyResults(study.cells(), stored), new ReportOptions(dir, true, 20, null));
        assertThat(r.figures()).hasSize(4);
        assertThat(r.claims())
                .extracting(Claim::verdict)
                .containsExactly(
                        Claim.Verdict.SUPPORTED,
                        Claim.Verdict.SUPPORTED,
                        Claim.Verdict.CONTRADICTED,
                        Claim.Verdict.SUPPORTED);
        assertThat(r.html()).contains("<figure>", "simulation ± se");
        // The quick variant changes the runs, hence every key.
        Study quick = StudyFamilies.read(StudyFile.parse("ts.yaml", YAML), true);
        assertThat(quick.cells().get(0).key()).isNotEqualTo(study.cells().get(0).key());
    }

    /** model: rp with Σ2 ≠ Σ1: the α figure and α* claim from SketchedTwoSourceTheory, simulated points beside it. */
    @Test
    void randomProjectionsUnderCovariateShift(@TempDir Path dir) throws Exception {
        String rp = YAML.replace("d: 20", "model: rp\nm: 10\nd: 20\nspectrum: power:1.0\nsynthetic_spectrum: iso");
        Study study = StudyFamilies.read(StudyFile.parse("ts.yaml", rp), false);
        Study ridge = StudyFamilies.read(StudyFile.parse("ts.yaml", YAML), false);
        assertThat(study.cells().get(0).key()).isNotEqualTo(ridge.cells().get(0).key());
        Map<String, StoredCell> stored = new HashMap<>();
        for (CellJob c : study.cells()) {
            stored.put(c.key(), c.compute());
        }
        StudyReport r = study.report(new StudyResults(study.cells(), stored), new ReportOptions(dir, true, 20, null));
        assertThat(r.figures()).hasSize(2); // the α figure (PNG, SVG); the strategies figure is ridge's
        assertThat(r.claims()).hasSize(2);
        assertThat(r.claims().get(1).verdict()).isEqualTo(Claim.Verdict.SUPPORTED); // theory vs simulation
        assertThatThrownBy(() -> StudyFamilies.read(
                                StudyFile.parse("ts.yaml", YAML.replace("d: 20", "model: rp\nd: 20")), false)
                        .cells())
                .isInstanceOf(StudyFileException.class)
                .hasMessage("ts.yaml: m: got nothing; allowed: an integer in [1, 1000000]");
    }

    @Test
    void badFieldsAreListedTogether() {
        String bad = YAML.replace("p2: 0.5", "p2: 1.5")
                .replace("sim_alphas: [0.1, 0.5]", "sim_alphas: [1.2]")
                .replace("d: 20", "d: 20\nspectrum: power:-1");
        assertThatThrownBy(() -> StudyFamilies.read(StudyFile.parse("ts.yaml", bad), false)
                        .cells())
                .isInstanceOf(StudyFileException.class)
                .hasMessage("ts.yaml: spectrum: got 'power:-1'; allowed: power:A with A a finite number >= 0\n"
                        + "ts.yaml: p2: got 1.5; allowed: a number in (0, 1]\n"
                        + "ts.yaml: sim_alphas[0]: got 1.2; allowed: a number in [0, 0.99]");
    }
}
