package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.experiments.diagnose.DataFileException;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.forecast.ForecastFigure;
import org.collapselab.experiments.forecast.ForecastJson;
import org.collapselab.experiments.forecast.ForecastText;
import org.collapselab.experiments.forecast.PilotFile;
import org.collapselab.experiments.run.Shard;
import org.collapselab.forecast.ForecastResult;
import org.collapselab.forecast.Forecaster;
import org.collapselab.forecast.PilotSet;
import org.collapselab.nn.pilots.PilotLearner;
import org.collapselab.nn.pilots.PilotRuns;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab forecast}: the strong-collapse law fitted to a user's pilot runs, extrapolated. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Fit the strong-collapse law (error = floor + bias + variance + synthetic term, with",
            "effective dimension, spectrum exponent, regularisation, noise and synthetic gap) to pilot",
            "runs of any learner and forecast its real-test error at other sizes n and synthetic shares",
            "p2, with bootstrap intervals, beside a per-share power law E∞ + a·n^-b. Pilot file: CSV with",
            "columns n, p2, error and optionally stderr, weight, m, seed (one row per run). Or let it run",
            "the pilots: --real R.csv --synthetic S.csv --learner L --budget SECONDS plans a grid of (n, p2)",
            "sized to the budget, runs it (resumable in --out DIR/results.db), writes DIR/pilots.csv and fits."
        })
final class ForecastCommand implements Callable<Integer> {
    @Option(names = "--pilots", paramLabel = "P.csv", description = "Pilot runs (CSV with a header).")
    Path pilots;

    @Option(names = "--real", paramLabel = "R.csv", description = "Run the pilots on these real rows (as diagnose).")
    Path real;

    @Option(names = "--synthetic", paramLabel = "S.csv", description = "Synthetic rows, same columns (with --real).")
    Path synthetic;

    @Option(
            names = "--learner",
            paramLabel = "L",
            description = "ridge, logistic, mlp or random-features (with --real).")
    String learner;

    @Option(names = "--budget", paramLabel = "SECONDS", description = "Time for the pilot grid, [1, 86400].")
    Double budget;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (with --real; default: y).")
    String label;

    @Option(names = "--test", paramLabel = "T.csv", description = "Real test rows (default: 25%% of --real, seeded).")
    Path test;

    @Option(names = "--delimiter", paramLabel = "C", description = "CSV delimiter: , ; | or tab (default: detected).")
    String delimiter;

    @Option(names = "--one-hot", paramLabel = "COL,...", split = ",", description = "Categorical columns (0/1).")
    List<String> oneHot = List.of();

    @Option(names = "--drop-missing", description = "Drop rows with missing cells instead of refusing the file.")
    boolean dropMissing;

    @Option(
            names = "--shard",
            paramLabel = "k/N",
            description = "Run only shard k of N of the pilot grid into --out (then rerun without it to fit).")
    String shard;

    @Option(
            names = "--merge",
            paramLabel = "DB",
            split = ",",
            description = "Merge other machines' shard databases into --out's results.db before running (with --real).")
    List<Path> merge = List.of();

    @Option(names = "--at-n", paramLabel = "N", description = "Training rows to forecast at (with --at-p2).")
    Long atN;

    @Option(names = "--at-p2", paramLabel = "P", description = "Synthetic share to forecast at, in [0, 1).")
    Double atP2;

    @Option(names = "--at-weight", paramLabel = "A", description = "Weight of a synthetic row (default: 1).")
    double atWeight = 1;

    @Option(
            names = "--floor",
            paramLabel = "E",
            description = "A known additive floor of the error (0 for an excess risk); default: fitted if the pilots "
                    + "show one.")
    Double floor;

    @Option(names = "--level", paramLabel = "L", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level = 0.9;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int bootstrap = 200;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description =
                    "Bootstrap seed; with --real also the test split's and the row subsets' (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Also write DIR/forecast.png, .svg and .json; with --real also results.db, pilots-plan.json and "
                            + "pilots.csv (default with --real: a new temporary folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((atN == null) != (atP2 == null)) {
            throw new ParameterException(
                    atN == null ? "--at-n" : "--at-p2",
                    "nothing",
                    "given together with " + (atN == null ? "--at-p2" : "--at-n"));
        }
        if (atN != null && (atN < 1 || atN > 1_000_000_000_000L)) {
            throw new ParameterException("--at-n", atN, "an integer in [1, 1e12]");
        }
        if (atP2 != null && !(atP2 >= 0 && atP2 < 1)) {
            throw new ParameterException("--at-p2", atP2, "in [0, 1)");
        }
        if (!(atWeight >= 0 && atWeight <= 1e6)) {
            throw new ParameterException("--at-weight", atWeight, "in [0, 1e6]");
        }
        if (floor != null && !(floor >= 0 && Double.isFinite(floor))) {
            throw new ParameterException("--floor", floor, "a finite number >= 0");
        }
        if (!(level >= 0.5 && level <= 0.99)) {
            throw new ParameterException("--level", level, "in [0.5, 0.99]");
        }
        if (bootstrap < 20 || bootstrap > 100_000) {
            throw new ParameterException("--bootstrap", bootstrap, "an integer in [20, 100000]");
        }
        if (threads < 1 || threads > 1024) {
            throw new ParameterException("--threads", threads, "an integer in [1, 1024]");
        }
        PilotRuns.Request run = pilotRequest();
        PrintWriter o = spec.commandLine().getOut();
        if (run != null) {
            PrintWriter say = json ? spec.commandLine().getErr() : o;
            PilotRuns.Outcome po = PilotRuns.run(run, say::println, System.err);
            for (String w : po.warnings()) {
                spec.commandLine().getErr().println("warning: " + w);
            }
            say.printf(
                    java.util.Locale.ROOT,
                    "pilots: %d runs computed now, %d stored before (%s), %.1f s%n",
                    po.summary().computed(),
                    po.summary().plan().ownedStored(),
                    po.out().resolve("results.db"),
                    po.summary().seconds());
            if (po.pilots() == null) {
                say.printf(
                        "shard %s: %d of %d runs stored; run the other shards into %s, then again without --shard%n",
                        run.shard(), po.stored(), po.plan().runs(), po.out());
                return 0;
            }
            pilots = po.pilots();
            say.println("wrote " + pilots + " (refit with forecast --pilots " + pilots + ")");
        }
        PilotSet set = PilotFile.read(pilots);
        Forecaster.Request req = new Forecaster.Request(
                atN == null ? 0 : atN,
                atP2 == null ? Double.NaN : atP2,
                atWeight,
                level,
                bootstrap,
                seed,
                threads,
                floor == null ? Double.NaN : floor);
        ForecastResult r;
        try {
            r = Forecaster.forecast(set, req);
        } catch (ParameterException e) {
            if (e.field().equals("pilots")) { // too few mixes for the law: the file's fault
                throw new DataFileException(pilots.toString(), "rows", e.value(), e.allowed());
            }
            throw e;
        }
        List<Path> written = List.of();
        if (out != null) {
            try {
                written = new java.util.ArrayList<>(ForecastFigure.write(out, r));
                Path js = out.resolve("forecast.json");
                java.nio.file.Files.writeString(js, ForecastJson.write(pilots.toString(), r));
                written.add(js);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        out + ": cannot write the figure: " + e.getClass().getSimpleName(), e);
            }
        }
        if (json) {
            o.println(ForecastJson.write(pilots.toString(), r));
        } else {
            o.print(ForecastText.format(pilots.toString(), r));
            for (Path p : written) {
                o.println("wrote " + p);
            }
        }
        return 0;
    }

    /** The pilot run asked for by --real (null with --pilots); every flag checked before any file is read. */
    private PilotRuns.Request pilotRequest() {
        if ((pilots == null) == (real == null)) {
            throw pilots == null
                    ? new ParameterException(
                            "--pilots", "neither", "given, or --real with --synthetic, --learner and --budget")
                    : new ParameterException("--real", "both", "given instead of --pilots, not with it");
        }
        Object[][] only = {
            {"--synthetic", synthetic},
            {"--learner", learner},
            {"--budget", budget},
            {"--label", label},
            {"--test", test},
            {"--delimiter", delimiter},
            {"--one-hot", oneHot.isEmpty() ? null : oneHot},
            {"--drop-missing", dropMissing ? true : null},
            {"--shard", shard},
            {"--merge", merge.isEmpty() ? null : merge}
        };
        for (Object[] f : only) {
            if (real == null && f[1] != null) {
                throw new ParameterException((String) f[0], "it with --pilots", "given only with --real");
            }
            if (real != null && f[1] == null && ((String) f[0]).matches("--(synthetic|learner|budget)")) {
                throw new ParameterException((String) f[0], "nothing", "given with --real");
            }
        }
        if (real == null) {
            return null;
        }
        PilotLearner l = PilotLearner.parse(learner);
        if (!(budget >= 1 && budget <= 86_400)) {
            throw new ParameterException(
                    "--budget",
                    budget % 1 == 0 && Math.abs(budget) < 1e15 ? Long.toString(budget.longValue()) : budget.toString(),
                    "a number of seconds in [1, 86400]");
        }
        char delim = 0;
        if (delimiter != null) {
            String d = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1 || ",;|\t".indexOf(d.charAt(0)) < 0) {
                throw new ParameterException("--delimiter", delimiter, "one of , ; | tab");
            }
            delim = d.charAt(0);
        }
        Shard sh;
        try {
            sh = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (ParameterException e) {
            throw new ParameterException("--shard", shard, e.allowed());
        }
        if (out != null) {
            OutputPaths.folder("--out", out, false); // created once the data files are read and checked
        }
        DiagnoseOptions files = new DiagnoseOptions(
                real,
                synthetic,
                label == null ? "y" : label,
                test,
                5,
                16,
                seed,
                delim,
                oneHot,
                dropMissing,
                "regression");
        return new PilotRuns.Request(files, l, budget, threads, sh, merge, out);
    }
}
