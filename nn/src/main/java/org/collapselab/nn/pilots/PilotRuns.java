package org.collapselab.nn.pilots;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.collapselab.experiments.diagnose.DataFileException;
import org.collapselab.experiments.diagnose.DataFiles;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.LabelledRows;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.RunSummary;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.SweepRunner;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.validation.ParameterException;

/**
 * {@code forecast --real R --synthetic S --learner L --budget SECONDS}: pilot runs of a learner on the user's own rows,
 * planned to a time budget, run through the study runner into {@code DIR/results.db} (resumable and shardable) and
 * written as {@code DIR/pilots.csv} in the {@code forecast --pilots} format. A library call: it never prints (lines
 * for the user go to {@code say}, the runner's progress to {@code progress}) and throws on bad input.
 */
public final class PilotRuns {
    /** The study name in the result store. */
    public static final String STUDY = "pilots";
    /** The pilot file's name in the output folder. */
    public static final String PILOTS = "pilots.csv";
    /** Fewest real test rows. */
    static final int MIN_TEST_ROWS = 10;

    private PilotRuns() {}

    /**
     * What to pilot.
     *
     * @param files the real, synthetic and test files and how to read them ({@code diagnose}'s options: label,
     *     delimiter, one-hot columns, dropping missing cells; its seed is the test split's and the row subsets')
     * @param learner the learner
     * @param budget seconds the grid may take, in [1, 86400]
     * @param threads cells run at once
     * @param shard the part of the grid this process runs
     * @param merge result databases (other machines' shards) merged into {@code DIR/results.db} before running
     * @param out the output folder for {@code results.db}, {@code pilots-plan.json}, {@code pilots.csv} (created once the
     *     files are read and checked), or null for a new temporary folder
     */
    public record Request(
            DiagnoseOptions files,
            PilotLearner learner,
            double budget,
            int threads,
            Shard shard,
            List<Path> merge,
            Path out) {
        public Request {
            if (!(budget >= 1 && budget <= 86_400)) {
                throw new ParameterException("--budget", PilotPlan.fmt(budget), "a number of seconds in [1, 86400]");
            }
            if (threads < 1) {
                throw new ParameterException("--threads", threads, "an integer >= 1");
            }
            shard = shard == null ? Shard.ALL : shard;
            merge = merge == null ? List.of() : List.copyOf(merge);
            for (Path m : merge) {
                if (!Files.isRegularFile(m)) {
                    throw new ParameterException("--merge", m, "an existing result database");
                }
            }
        }
    }

    /**
     * A finished call.
     *
     * @param out the output folder used
     * @param plan the grid run
     * @param reusedPlan whether the plan came from an earlier identical call ({@code pilots-plan.json})
     * @param summary what the runner did (cells computed now, stored before, failed)
     * @param pilots {@code DIR/pilots.csv}, or null when other shards' runs are still missing
     * @param stored runs of the grid in the result store
     * @param warnings notes on the data files
     */
    public record Outcome(
            Path out,
            PilotPlan plan,
            boolean reusedPlan,
            RunSummary summary,
            Path pilots,
            int stored,
            List<String> warnings) {}

    /** Reads the files, plans (or reuses the plan), runs the grid and writes the pilot file when it is complete. */
    public static Outcome run(Request r, Consumer<String> say, PrintStream progress)
            throws IOException, InterruptedException {
        DiagnoseOptions o = r.files();
        DataFiles.Read files = DataFiles.read(o);
        double[] classes = r.learner().classifies() ? classes(files) : new double[0];
        PilotData data = PilotData.of(files.real(), files.synthetic(), files.test(), o.seed(), classes);
        check(o, data);
        Path dir =
                r.out() != null ? Files.createDirectories(r.out()) : Files.createTempDirectory("collapselab-pilots-");
        String inputs = CellKeys.sha256Hex(data.fingerprint() + "|"
                + r.learner().flag() + "|" + r.learner().settings() + "|" + r.budget() + "|" + o.seed());
        PilotPlan plan = PlanFile.read(dir, inputs);
        boolean reused = plan != null;
        if (plan == null) {
            plan = PlanFile.write(dir, inputs, probeAndChoose(r, data));
        }
        say.accept("pilots: " + r.learner().flag() + " (" + r.learner().settings() + "), error = "
                + r.learner().errorName() + "; " + data.realRows() + " real training rows, " + data.syntheticRows()
                + " synthetic, " + data.testRows() + " test");
        say.accept("plan" + (reused ? " (from " + PlanFile.NAME + ")" : "") + ": " + plan.describe());
        if (!r.merge().isEmpty()) {
            try (ResultStore store = ResultStore.open(dir.resolve("results.db"))) {
                for (Path m : r.merge()) {
                    say.accept("merged " + store.mergeFrom(m) + " cells from " + m);
                }
            }
        }
        PilotStudy study = new PilotStudy(STUDY, r.learner(), data, plan, o.seed());
        RunSummary s = SweepRunner.run(study, new RunOptions(dir, null, r.threads(), r.shard(), null, false, progress));
        if (s.failed() > 0) {
            throw new IllegalStateException(s.failed() + " of " + plan.runs() + " pilot runs failed (first: "
                    + s.failures().get(0) + "); finished runs are saved, run again to retry");
        }
        List<PilotCell> present = s.results().present(PilotCell.class);
        Path pilots = null;
        if (present.size() == plan.runs()) {
            pilots = writePilots(dir, present, s);
        }
        return new Outcome(dir, plan, reused, s, pilots, present.size(), files.warnings());
    }

    /** The probe: one untimed warm-up fit at the smallest size, then one timed fit at the largest. */
    private static PilotPlan probeAndChoose(Request r, PilotData data) {
        int d = data.d();
        long lo = PilotPlan.smallest(d);
        long top = PilotPlan.largest(data.realRows());
        double p2 = PilotPlan.SHARES.stream()
                .filter(p -> p * top <= data.syntheticRows())
                .reduce(0.0, Math::max);
        double probe;
        try {
            new PilotCell(STUDY, r.learner(), data, lo, 0, 1, 0).compute();
            long t0 = System.nanoTime();
            new PilotCell(STUDY, r.learner(), data, top, p2, 1, 0).compute();
            probe = Math.max((System.nanoTime() - t0) / 1e9, 1e-4);
        } catch (RuntimeException e) { // a diverged network, a missing native library: one line, exit 1
            throw new IllegalStateException(
                    "the probe fit of " + r.learner().flag() + " at n = " + top + " failed: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
        probe = Math.round(probe * 1e4) / 1e4;
        return PilotPlan.choose(d, data.realRows(), data.syntheticRows(), probe, top, r.budget());
    }

    /** Enough real, synthetic and test rows for the minimal grid. */
    private static void check(DiagnoseOptions o, PilotData data) {
        int d = data.d();
        long lo = PilotPlan.smallest(d);
        if (PilotPlan.largest(data.realRows()) < 2 * lo) {
            long need = (long) Math.ceil(2 * lo / 0.8);
            throw new DataFileException(
                    o.real().toString(),
                    "rows",
                    data.realRows() + " real training rows" + (o.test() == null ? " after the 25% test split" : ""),
                    String.format(
                            Locale.ROOT,
                            "at least %d (the largest pilot size, 80%% of them, must reach 2 × %d = 2 × max(2·features, 50))",
                            need,
                            lo));
        }
        long floor = PilotPlan.floorSize(d, data.realRows());
        long needSyn = (long) Math.ceil(0.1 * floor);
        if (data.syntheticRows() < needSyn) {
            throw new DataFileException(
                    o.synthetic().toString(),
                    "rows",
                    data.syntheticRows() + " rows",
                    "at least " + needSyn + " (a synthetic share of 0.1 at n = " + floor + ")");
        }
        if (data.testRows() < MIN_TEST_ROWS) {
            throw new DataFileException(
                    (o.test() == null ? o.real() : o.test()).toString(),
                    "rows",
                    data.testRows() + " test rows",
                    "at least " + MIN_TEST_ROWS);
        }
    }

    /** The real rows' classes for the logistic learner: whole numbers, 2 to 20 of them, shared by every file. */
    static double[] classes(DataFiles.Read f) {
        TreeSet<Double> set = new TreeSet<>();
        for (double v : f.real().y()) {
            set.add(v + 0.0);
        }
        if (set.size() < 2 || set.size() > PilotLearner.MAX_CLASSES) {
            throw new DataFileException(
                    f.real().file(),
                    "label column",
                    set.size() + " distinct labels",
                    "2 to " + PilotLearner.MAX_CLASSES
                            + " classes for --learner logistic (binary or categorical labels)");
        }
        for (LabelledRows rows : new LabelledRows[] {f.real(), f.synthetic(), f.test()}) {
            if (rows == null) {
                continue;
            }
            for (double v : rows.y()) {
                if (v != Math.rint(v)) {
                    throw new DataFileException(
                            rows.file(),
                            "label column",
                            "a label that is not a whole number",
                            "class labels (whole numbers) for --learner logistic");
                }
                if (!set.contains(v + 0.0)) {
                    throw new DataFileException(
                            rows.file(),
                            "label column",
                            "a class the real rows do not have",
                            "the real rows' " + set.size() + " classes for --learner logistic");
                }
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code DIR/pilots.csv}: one row per run (n, p2, error, seed = replicate), written atomically. */
    private static Path writePilots(Path dir, List<PilotCell> cells, RunSummary s) throws IOException {
        StringBuilder b = new StringBuilder("n,p2,error,seed\n");
        for (PilotCell c : cells) {
            JsonNode j =
                    TheoryJson.MAPPER.readTree(s.results().resultJson(c.key()).orElseThrow());
            b.append(String.format(
                    Locale.ROOT, "%d,%s,%s,%d\n", c.n(), c.p2(), j.path("error").asDouble(), c.replicate()));
        }
        Path f = dir.resolve(PILOTS);
        Path tmp = Files.createTempFile(dir, ".pilots-", ".tmp");
        try {
            Files.writeString(tmp, b);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return f;
    }
}
