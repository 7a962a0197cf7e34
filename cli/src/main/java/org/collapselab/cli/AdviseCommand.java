package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.advice.Advice;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Recipe;
import org.collapselab.advice.Regime;
import org.collapselab.experiments.advice.AdviceFigure;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab advise}: the training recipe with the lowest predicted real-test error, by theory. */
@Command(
        name = "advise",
        mixinStandardHelpOptions = true,
        description = "Given n1 real and n2 synthetic rows, find by theory how many synthetic rows to use (k), their "
                + "weight A, λ (and width m for rp) for the lowest predicted error on real data.")
final class AdviseCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            defaultValue = "ridge",
            paramLabel = "ridge|rp",
            description = "Model family (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--d", required = true, paramLabel = "D", description = "Dimension d (>= 1).")
    int d;

    @Option(
            names = "--spectrum",
            defaultValue = "iso",
            paramLabel = "SPEC",
            description = "Real covariance Σ1: iso, power:A or file:PATH (default: ${DEFAULT-VALUE}).")
    String spectrum;

    @Option(
            names = "--synthetic-spectrum",
            paramLabel = "SPEC",
            description = "Synthetic covariance Σ2, diagonal in Σ1's basis (default: same as --spectrum).")
    String syntheticSpectrum;

    @Option(names = "--n1", required = true, paramLabel = "N", description = "Real rows available (>= 1).")
    long n1;

    @Option(names = "--n2", required = true, paramLabel = "N", description = "Synthetic rows available (>= 0).")
    long n2;

    @Option(
            names = "--sigma",
            defaultValue = "0",
            paramLabel = "S",
            description = "Real label-noise std σ1 (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(
            names = "--synthetic-sigma",
            paramLabel = "S",
            description = "Synthetic label-noise std σ2 (default: --sigma).")
    Double syntheticSigma;

    @Option(
            names = "--c2",
            paramLabel = "C",
            description = "Synthetic quality c² = ‖w2 − w1‖²_Σ1 >= 0 (required for regression).")
    Double c2;

    @Option(
            names = "--task",
            defaultValue = "regression",
            paramLabel = "regression|classification",
            description =
                    "regression, or classification with ±1 labels (docs/classification.md) (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(
            names = "--mu2",
            defaultValue = "1",
            paramLabel = "M",
            description = "Classification: class separation M = ‖μ‖²_Σ⁻¹ (default: ${DEFAULT-VALUE}).")
    double mu2;

    @Option(
            names = "--flip-rate",
            defaultValue = "0",
            paramLabel = "Q",
            description = "Classification: flip probability of a synthetic label (default: ${DEFAULT-VALUE}).")
    double flipRate;

    @Option(
            names = "--loss",
            defaultValue = "square",
            paramLabel = "square|logistic",
            description = "Classification: training loss (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(
            names = "--keep-good",
            defaultValue = "1",
            paramLabel = "PHI",
            description =
                    "Classification: verifier's probability of keeping an unflipped synthetic row (default: ${DEFAULT-VALUE}).")
    double keepGood;

    @Option(
            names = "--keep-bad",
            defaultValue = "1",
            paramLabel = "PSI",
            description =
                    "Classification: verifier's probability of keeping a flipped synthetic row (default: ${DEFAULT-VALUE}).")
    double keepBad;

    @Option(
            names = "--signal",
            paramLabel = "S",
            description = "Variance of the clean real label E(xᵀw1)² (default: tr Σ1/d, the theory's random teacher).")
    Double signal;

    @Option(
            names = "--widths",
            split = ",",
            paramLabel = "M",
            description = "Candidate widths m for --model rp, comma-separated.")
    List<Long> widths = new ArrayList<>();

    @Option(
            names = "--verifier",
            split = ",",
            paramLabel = "PHI,PSI",
            description =
                    "A verifier keeping good pool rows with probability PHI and bad ones with PSI: answers whether it "
                            + "pays (best pool size with and without it, real only) and how many rows to generate to keep k.")
    List<Double> verifier;

    @Option(
            names = "--bad-share",
            defaultValue = "1",
            paramLabel = "PI",
            description =
                    "With --verifier: share π of bad rows (shift c²) among generated rows (default: ${DEFAULT-VALUE}).")
    double badShare;

    @Option(
            names = "--keep",
            paramLabel = "K",
            description =
                    "With --verifier: rows to keep, for the rows-to-generate answer (default: the advised kept rows).")
    Double keep;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Also write DIR/advise.png and .svg: predicted error vs k for a few weights.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (ClassificationAdvise.requested(task)) {
            ClassificationAdvise.refuseRegressionFlags(spec.commandLine().getParseResult());
            return ClassificationAdvise.run(
                    new org.collapselab.classification.ClassificationAdvisor.Regime(
                            SpectrumSpecs.parse(spectrum, d),
                            n1,
                            n2,
                            mu2,
                            flipRate,
                            org.collapselab.classification.Loss.parse(loss),
                            keepGood,
                            keepBad),
                    json,
                    spec.commandLine().getOut());
        }
        for (String f : new String[] {"--mu2", "--flip-rate", "--loss", "--keep-good", "--keep-bad"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(f)) {
                throw new ParameterException(
                        f.substring(2), "a value", "left out with --task regression (a classification flag)");
            }
        }
        if (c2 == null) {
            throw new ParameterException("c2", "nothing", "a number >= 0 (required with --task regression)");
        }
        ModelKind kind = ModelKind.parse(model);
        Spectrum s1 = SpectrumSpecs.parse(spectrum, d);
        Spectrum s2 = org.collapselab.experiments.params.ProblemFlags.parseSynthetic(syntheticSpectrum, s1);
        if (kind == ModelKind.RIDGE && !widths.isEmpty()) {
            throw new ParameterException("widths", widths, "given only with --model rp");
        }
        Regime regime;
        try {
            regime = new Regime(
                    kind,
                    s1,
                    s2,
                    n1,
                    n2,
                    sigma,
                    syntheticSigma == null ? sigma : syntheticSigma,
                    c2,
                    widths,
                    signal == null ? Double.NaN : signal);
        } catch (ParameterException e) {
            throw new ParameterException(flagField(e.field()), e.value(), e.allowed());
        }
        if (verifier != null) {
            if (verifier.size() != 2) {
                throw new ParameterException("verifier", verifier, "two probabilities PHI,PSI in [0, 1]");
            }
            if (out != null) {
                throw new ParameterException("out", out, "absent with --verifier");
            }
            Verifier v;
            try {
                v = new Verifier(badShare, verifier.get(0), verifier.get(1));
            } catch (ParameterException e) {
                throw e.field().equals("badShare")
                        ? e
                        : new ParameterException(
                                "verifier",
                                verifier.get(0) + "," + verifier.get(1),
                                "two probabilities PHI,PSI in [0, 1]");
            }
            VerifierOutput.print(spec.commandLine().getOut(), json, regime, v, keep);
            return 0;
        }
        if (badShare != 1 || keep != null) {
            throw new ParameterException(
                    badShare != 1 ? "badShare" : "keep", badShare != 1 ? badShare : keep, "given only with --verifier");
        }
        long start = System.nanoTime();
        if (out != null) {
            OutputPaths.folder("out", out, true);
        }
        ProgressLine progress =
                new ProgressLine(spec.commandLine().getErr(), "advise", "theory points (d = " + d + ")", -1);
        Advice a = Advisor.advise(regime, progress::step);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = TheoryJson.MAPPER.createObjectNode();
            ObjectNode r = o.putObject("regime");
            r.put("model", kind.key());
            r.put("spectrum", s1.label());
            r.put("syntheticSpectrum", regime.effectiveSynthetic().label());
            r.put("d", s1.dimension());
            r.put("n1", n1);
            r.put("n2", n2);
            r.put("sigma", regime.sigmaReal());
            r.put("syntheticSigma", regime.sigmaSynthetic());
            r.put("c2", c2);
            r.put("signal", regime.signal());
            recipe(o.putObject("recommendation"), a.best(), kind);
            ObjectNode b = o.putObject("baselines");
            recipe(b.putObject("realOnly"), a.realOnly(), kind);
            recipe(b.putObject("useEverything"), a.useEverything(), kind);
            o.put("gainOverRealOnly", a.gainOverRealOnly());
            o.put("gainOverEverything", a.gainOverEverything());
            o.put("evaluations", a.evaluations());
            o.put("seconds", seconds);
            w.println(TheoryJson.write(o));
        } else {
            w.printf(
                    "regime: %s, d = %d, Σ1 %s, Σ2 %s, n1 = %d real, n2 = %d synthetic, σ1 = %g, σ2 = %g, c² = %g, "
                            + "signal = %g%n",
                    kind.key(),
                    s1.dimension(),
                    s1.label(),
                    regime.effectiveSynthetic().label(),
                    n1,
                    n2,
                    regime.sigmaReal(),
                    regime.sigmaSynthetic(),
                    c2,
                    regime.signal());
            w.printf(
                    "%-16s %10s %10s %11s %8s %14s %14s%n",
                    "recipe", "k", "A", "lambda", "m", "predicted MSE", "excess risk");
            row(w, "advised", a.best());
            row(w, "real only", a.realOnly());
            row(w, "use everything", a.useEverything());
            w.printf(
                    "predicted gain: %.4g (%.1f%%) over real only, %.4g (%.1f%%) over use everything%n",
                    a.gainOverRealOnly(),
                    100 * a.gainOverRealOnly() / a.realOnly().predictedTestMse(),
                    a.gainOverEverything(),
                    100 * a.gainOverEverything() / a.useEverything().predictedTestMse());
            w.printf(
                    "(MSE = expected squared error on a fresh real row, σ1² included; %d theory points in %.2f s)%n",
                    a.evaluations(), seconds);
        }
        if (out != null) {
            List<Path> files = AdviceFigure.write(a, out);
            if (!json) {
                w.println("figure: " + files.get(0));
            }
        }
        return 0;
    }

    private static String flagField(String field) {
        return switch (field) {
            case "realRows" -> "n1";
            case "syntheticRows" -> "n2";
            case "sigmaReal" -> "sigma";
            case "sigmaSynthetic" -> "syntheticSigma";
            case "keepGood", "keepBad" -> "verifier";
            default -> field;
        };
    }

    private static void recipe(ObjectNode o, Recipe r, ModelKind kind) {
        o.put("syntheticRows", r.syntheticRows());
        o.put("syntheticWeight", r.syntheticWeight());
        o.put("lambda", r.lambda());
        if (kind == ModelKind.RANDOM_PROJECTION) {
            o.put("width", r.width());
        }
        o.put("predictedTestError", r.predictedTestMse());
        o.put("predictedExcessRisk", r.predictedTestError());
        TheoryJson.put(o.putObject("theory"), r.theory(), 0);
    }

    private static void row(PrintWriter w, String name, Recipe r) {
        w.printf(
                "%-16s %10d %10.4g %11.4g %8s %14.6g %14.6g%n",
                name,
                r.syntheticRows(),
                r.syntheticWeight(),
                r.lambda(),
                r.width() == 0 ? "-" : Long.toString(r.width()),
                r.predictedTestMse(),
                r.predictedTestError());
    }
}
