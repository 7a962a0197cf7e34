package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.collapselab.classification.ClassificationAdvisor;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.ParseResult;

/** {@code advise --task classification}: the (k, A, λ) with the lowest predicted real-test 0–1 error. */
final class ClassificationAdvise {
    private static final String[] REGRESSION_ONLY = {
        "--model", "--c2", "--sigma", "--synthetic-sigma", "--signal", "--widths", "--synthetic-spectrum", "--out"
    };

    private ClassificationAdvise() {}

    /** True for {@code --task classification}; errors name {@code --task}. */
    static boolean requested(String task) {
        return switch (task) {
            case "regression" -> false;
            case "classification" -> true;
            default -> throw new ParameterException("task", task, "one of regression, classification");
        };
    }

    static void refuseRegressionFlags(ParseResult parsed) {
        for (String f : REGRESSION_ONLY) {
            if (parsed.hasMatchedOption(f)) {
                throw new ParameterException(
                        f.substring(2), "a value", "left out with --task classification (a regression flag)");
            }
        }
    }

    static int run(ClassificationAdvisor.Regime regime, boolean json, PrintWriter w) {
        long start = System.nanoTime();
        ClassificationAdvisor.Advice a = ClassificationAdvisor.advise(regime);
        double seconds = (System.nanoTime() - start) / 1e9;
        double bayes = a.best().theory().bayesError();
        if (json) {
            ObjectNode o = TheoryJson.MAPPER.createObjectNode();
            ObjectNode r = o.putObject("regime");
            r.put("task", "classification");
            r.put("loss", regime.loss().key());
            r.put("spectrum", regime.spectrum().label());
            r.put("d", regime.spectrum().dimension());
            r.put("n1", regime.realRows());
            r.put("n2", regime.syntheticRows());
            r.put("mu2", regime.mu2());
            r.put("flipRate", regime.flipRate());
            r.put("keepGood", regime.keepGood());
            r.put("keepBad", regime.keepBad());
            r.put("bayesError", bayes);
            recipe(o.putObject("recommendation"), a.best());
            ObjectNode b = o.putObject("baselines");
            if (a.realOnly() != null) {
                recipe(b.putObject("realOnly"), a.realOnly());
                o.put(
                        "gainOverRealOnly",
                        a.realOnly().predictedTestError() - a.best().predictedTestError());
            }
            if (a.useEverything() != null) {
                recipe(b.putObject("useEverything"), a.useEverything());
                o.put(
                        "gainOverEverything",
                        a.useEverything().predictedTestError() - a.best().predictedTestError());
            }
            o.put("evaluations", a.evaluations());
            o.put("seconds", seconds);
            w.println(TheoryJson.write(o));
            return 0;
        }
        w.printf(
                "regime: classification, %s loss, d = %d, Σ %s, n1 = %d real, n2 = %d synthetic, M = %g (Bayes error "
                        + "%.4g), flip rate %g, verifier keeps %g of good and %g of flipped rows%n",
                regime.loss().key(),
                regime.spectrum().dimension(),
                regime.spectrum().label(),
                regime.realRows(),
                regime.syntheticRows(),
                regime.mu2(),
                bayes,
                regime.flipRate(),
                regime.keepGood(),
                regime.keepBad());
        w.printf("%-16s %10s %10s %11s %16s%n", "recipe", "k", "A", "lambda", "predicted error");
        row(w, "advised", a.best());
        row(w, "real only", a.realOnly());
        row(w, "use everything", a.useEverything());
        w.printf(
                "(error = real-test 0-1 error of the trained classifier; %d theory points in %.2f s)%n",
                a.evaluations(), seconds);
        return 0;
    }

    private static void recipe(ObjectNode o, ClassificationAdvisor.Recipe r) {
        o.put("syntheticRows", r.syntheticRows());
        o.put("syntheticWeight", r.syntheticWeight());
        o.put("lambda", r.lambda());
        o.put("predictedTestError", r.predictedTestError());
        ClassificationJson.put(o.putObject("theory"), r.theory());
    }

    private static void row(PrintWriter w, String name, ClassificationAdvisor.Recipe r) {
        if (r == null) {
            w.printf("%-16s %10s%n", name, "-");
            return;
        }
        w.printf(
                "%-16s %10d %10.4g %11.4g %16.6g%n",
                name, r.syntheticRows(), r.syntheticWeight(), r.lambda(), r.predictedTestError());
    }
}
