package org.collapselab.nn.image.diagnose.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.image.diagnose.bench.RealBench.Run;

/**
 * The bench as a study: one cell per split (every scenario at that seed), stored so a rerun reuses it; the report
 * is the bench table with the acceptance figures as claims.
 *
 * @param name study name
 * @param description free text
 * @param splits seeds 1..splits
 * @param data the scikit-learn CSV folder
 */
public record DiagnoseRealStudy(String name, String description, int splits, String data) implements Study {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One split of every scenario. */
    public record Cell(String study, long seed, String data) implements CellJob {
        private static final long serialVersionUID = 1L;

        String configJson() {
            return "{\"kind\":\"diagnose-real\",\"bench\":2}";
        }

        @Override
        public String key() {
            return CellKeys.key(configJson(), seed);
        }

        @Override
        public String label() {
            return "diagnose-real split " + seed;
        }

        @Override
        public double cost() {
            return 5;
        }

        @Override
        public StoredCell compute() throws Exception {
            long t0 = System.nanoTime();
            ArrayNode out = JSON.createArrayNode();
            for (Run r : RealBench.runSeed(Path.of(data), seed)) {
                out.add(JSON.valueToTree(r));
            }
            return StoredCell.now(
                    key(), study, configJson(), JSON.writeValueAsString(out), (System.nanoTime() - t0) / 1e9);
        }
    }

    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (long s = 1; s <= splits; s++) {
            out.add(new Cell(name, s, data));
        }
        return out;
    }

    @Override
    public String unavailable() {
        return Files.isRegularFile(Path.of(data, "breast_cancer.csv")) && Files.isRegularFile(Path.of(data, "iris.csv"))
                ? null
                : data + ": no bench data; run scripts/diagnose-bench-data.sh";
    }

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (Cell c : results.present(Cell.class)) {
            for (JsonNode n : JSON.readTree(results.stored().get(c.key()).resultJson())) {
                runs.add(JSON.treeToValue(n, Run.class));
            }
        }
        if (runs.isEmpty()) {
            return new StudyReport(List.of(), Html.paragraph("The bench is not in the database yet."), List.of(), "");
        }
        String table = Summary.table(runs);
        double[] f = Summary.figures(runs);
        List<Claim> claims = List.of(
                claim("recipe / grid best: geometric mean over scenarios ≤ 1.05", f[0], f[0] <= 1.05),
                claim("recipe / grid best: no scenario above 1.10", f[1], f[1] <= 1.10),
                claim(
                        "recipe never worse than CV-tuned real-only ridge by more than 2% (worst scenario)",
                        f[2], f[2] <= 1.02),
                claim(
                        "recipe ≥ 10% better than the CV practitioner where n1 < 3d (geometric mean)",
                        f[3], f[3] <= 0.90),
                claim("prediction within 15% in ≥ 75% of runs (share of runs)", f[4], f[4] >= 0.75));
        String body = Html.paragraph("Each scenario: n1 real rows, held-out real test rows and synthetic rows from an "
                        + "outside generator fitted on a disjoint pool of real rows; every recipe is fitted on the real and synthetic "
                        + "rows and measured on the held-out rows; ratios are geometric means over "
                        + runs.size() / Math.max(1, Summary.scenarios(runs)) + " split(s).")
                + "<pre>" + Html.escape(table) + "</pre>\n";
        return new StudyReport(List.of(), body, claims, table);
    }

    private static Claim claim(String what, double value, boolean ok) {
        return new Claim(
                what,
                String.format(Locale.ROOT, "%.3f", value),
                ok ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED);
    }
}
