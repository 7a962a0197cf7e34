package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.experiments.diagnose.DataFileException;
import org.collapselab.experiments.forecast.ForecastFigure;
import org.collapselab.experiments.forecast.ForecastJson;
import org.collapselab.experiments.forecast.ForecastText;
import org.collapselab.experiments.forecast.PilotFile;
import org.collapselab.forecast.ForecastResult;
import org.collapselab.forecast.Forecaster;
import org.collapselab.forecast.PilotSet;
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
            "columns n, p2, error and optionally stderr, weight, m, seed (one row per run)."
        })
final class ForecastCommand implements Callable<Integer> {
    @Option(names = "--pilots", required = true, paramLabel = "P.csv", description = "Pilot runs (CSV with a header).")
    Path pilots;

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

    @Option(names = "--seed", paramLabel = "S", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/forecast.png, .svg and .json.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
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
        PrintWriter o = spec.commandLine().getOut();
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
}
