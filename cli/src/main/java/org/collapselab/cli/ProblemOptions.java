package org.collapselab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.experiments.classification.ClassificationFlags;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The flags that define one {@link Problem}, shared by {@code theory} and {@code simulate}. */
final class ProblemOptions {
    @Option(
            names = "--model",
            defaultValue = "ridge",
            paramLabel = "ridge|rp",
            description = "Model: ridge on x, or ridge on m random projections (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--d",
            required = true,
            paramLabel = "D",
            description = "Dimension d (>= 1; with file: spectra, 0 or the file's length).")
    int d;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Training-set size n (>= 1).")
    long n;

    @Option(
            names = "--m",
            paramLabel = "M",
            description = "Width m of the random projection (required for --model rp).")
    Long m;

    @Option(
            names = "--p2",
            defaultValue = "0",
            paramLabel = "P",
            description = "Synthetic share p2 in [0, 1] (default: ${DEFAULT-VALUE}).")
    double p2;

    @Option(
            names = "--c2",
            paramLabel = "C",
            description = "Synthetic quality c² = ‖Δ‖²_Σ >= 0; 0 = perfect synthetic data (default: 1; refused with "
                    + "--synthetic-teacher, whose own error sets the shift).")
    Double c2;

    @Option(
            names = "--sigma",
            defaultValue = "0",
            paramLabel = "S",
            description = "Label-noise std σ >= 0 (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(
            names = "--lambda",
            defaultValue = "0",
            paramLabel = "L",
            description = "Ridge penalty λ >= 0; 0 = minimum-norm least squares (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(
            names = "--spectrum",
            defaultValue = "iso",
            paramLabel = "SPEC",
            description =
                    "Covariance spectrum: iso, power:A (λ_i ∝ i^-A, trace d) or file:PATH (default: ${DEFAULT-VALUE}).")
    String spectrum;

    @Option(
            names = "--synthetic-spectrum",
            paramLabel = "SPEC",
            description =
                    "A different covariance Σ2 for the synthetic rows, diagonal in Σ1's basis (default: same as --spectrum).")
    String syntheticSpectrum;

    @Option(
            names = "--synthetic-sigma",
            paramLabel = "S",
            description = "Label-noise std σ2 >= 0 of the synthetic rows (default: same as --sigma).")
    Double syntheticSigma;

    @Option(
            names = "--synthetic-weight",
            defaultValue = "1",
            paramLabel = "A",
            description =
                    "Weight A >= 0 of each synthetic row in the loss; 1 = plain mixing (default: ${DEFAULT-VALUE}).")
    double syntheticWeight;

    @Option(
            names = "--estimator",
            defaultValue = "mix",
            paramLabel = "mix|prior",
            description = "mix: synthetic rows join the training set; prior: ridge on the real rows shrunk toward the "
                    + "synthetic teacher (rp: toward its best width-m representation) (default: ${DEFAULT-VALUE}).")
    String estimator;

    @Option(
            names = "--generations",
            defaultValue = "0",
            paramLabel = "K",
            description = "Retraining generations after generation 0 (default: ${DEFAULT-VALUE} = a single fit).")
    int generations;

    @Option(
            names = "--schedule",
            defaultValue = "replace",
            paramLabel = "replace|accumulate|accumulate-subsample",
            description = "What generation k >= 1 trains on (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(
            names = "--fresh-real",
            defaultValue = "0",
            paramLabel = "R",
            description =
                    "Share r in [0, 1] of real rows among each generation's fresh rows (default: ${DEFAULT-VALUE}).")
    double freshReal;

    @Option(
            names = "--bad-share",
            defaultValue = "1",
            paramLabel = "PI",
            description =
                    "Share π in [0, 1] of bad rows (labels from w2 = w1 + Δ) in the synthetic pool of round(p2·n) "
                            + "rows; the rest are good (labels from w1) (default: ${DEFAULT-VALUE}).")
    double badShare;

    @Option(
            names = "--keep-good",
            defaultValue = "1",
            paramLabel = "PHI",
            description =
                    "Probability ϕ in [0, 1] that the verifier keeps a good pool row (classification: an unflipped "
                            + "one) (default: ${DEFAULT-VALUE}).")
    double keepGood;

    @Option(
            names = "--keep-bad",
            defaultValue = "1",
            paramLabel = "PSI",
            description =
                    "Probability ψ in [0, 1] that the verifier keeps a bad pool row (classification: a flipped one); "
                            + "the model trains on the real "
                            + "rows plus the kept rows (default: ${DEFAULT-VALUE}).")
    double keepBad;

    @Option(
            names = "--synthetic-teacher",
            defaultValue = "none",
            paramLabel = "ridge:NS:LAMS|rp:NS:MS:LAMS",
            description =
                    "Label the synthetic rows with a trained teacher: ridge (or width-MS random projections) fitted "
                            + "on NS fresh real rows with penalty LAMS, plus fresh noise; one fresh teacher per run "
                            + "(default: ${DEFAULT-VALUE} = the random shift of --c2).")
    String syntheticTeacher;

    @Option(
            names = "--growth",
            defaultValue = "1",
            paramLabel = "G",
            description =
                    "With --generations: generation k draws round(n·G^k) rows, G in (0, 10] (default: ${DEFAULT-VALUE}).")
    double growth;

    @Option(
            names = "--correction",
            defaultValue = "0",
            paramLabel = "GAMMA",
            description =
                    "With --generations: correction toward the truth, GAMMA in [0, 1]: synthetic labels come from "
                            + "w1 + (1 − GAMMA)(ŵ_{k−1} − w1) (default: ${DEFAULT-VALUE}).")
    double correction;

    @Option(
            names = "--accept-band",
            paramLabel = "R:SIGMA_C",
            description = "Verifier by Yi et al.'s accept rule instead of keep probabilities: a pool row is kept iff "
                    + "|y − xᵀθ_c| ≤ R‖x‖ + SIGMA_C (every generation of a loop too); simulation only.")
    String acceptBand;

    @Option(
            names = "--accept-model",
            paramLabel = "truth|ridge:NC:LAMC|rp:NC:MC:LAMC",
            description = "θ_c of --accept-band: the truth w1, or a fit on NC fresh real rows drawn once per run "
                    + "(default: truth).")
    String acceptModel;

    @Option(names = "--with-noise", description = "Report the full risk E + σ² instead of the excess risk E.")
    boolean withNoise;

    @Option(
            names = "--task",
            defaultValue = "regression",
            paramLabel = "regression|classification",
            description = "regression (labels xᵀw + noise, the paper's setting) or classification (labels ±1, "
                    + "x = yμ + z; see docs/classification.md) (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(
            names = "--mu2",
            paramLabel = "M",
            description = "Classification: class separation M = ‖μ‖²_Σ⁻¹ >= 0, Bayes error Φ(−√M) (default: 1).")
    String mu2;

    @Option(
            names = "--flip-rate",
            paramLabel = "Q",
            description = "Classification: probability in [0, 1] that a synthetic row's label is flipped (default: 0).")
    String flipRate;

    @Option(
            names = "--loss",
            paramLabel = "square|logistic",
            description = "Classification: training loss; logistic needs --lambda > 0 (default: square).")
    String loss;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** True for {@code --task classification}; errors name {@code --task}. */
    boolean classification() {
        return switch (task) {
            case "regression" -> false;
            case "classification" -> true;
            default -> throw new ParameterException("task", task, "one of regression, classification");
        };
    }

    /** Builds and validates the classification problem; regression-only flags are refused by name. */
    ClassificationProblem toClassification() {
        for (String name : ClassificationFlags.REGRESSION_ONLY) {
            if (given(name)) {
                throw new ParameterException(
                        name, "a value", "left out with --task classification (a regression flag)");
            }
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("d", Integer.toString(d));
        v.put("n", Long.toString(n));
        v.put("p2", Double.toString(p2));
        v.put("lambda", Double.toString(lambda));
        v.put("spectrum", spectrum);
        v.put("synthetic-weight", Double.toString(syntheticWeight));
        v.put("generations", Integer.toString(generations));
        v.put("schedule", schedule);
        v.put("fresh-real", Double.toString(freshReal));
        v.put("mu2", mu2);
        v.put("flip-rate", flipRate);
        v.put("loss", loss);
        v.put("keep-good", Double.toString(keepGood));
        v.put("keep-bad", Double.toString(keepBad));
        return ClassificationFlags.parse(v).toProblem();
    }

    private boolean given(String flag) {
        return mixee != null
                && mixee.commandLine() != null
                && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption("--" + flag);
    }

    /**
     * Builds and validates the problem; errors name the flag. Flags the problem would ignore are refused rather than
     * dropped: a width for ridge, a schedule or fresh-real share without generations, synthetic-row settings with the
     * prior estimator (it fits the real rows only).
     */
    Problem toProblem() {
        if (classification()) {
            throw new ParameterException("task", task, "regression here");
        }
        for (String name : ClassificationFlags.CLASSIFICATION_ONLY) {
            if (given(name)) {
                throw new ParameterException(
                        name, "a value", "left out with --task regression (a classification flag)");
            }
        }
        Problem p = new ProblemFlags(
                        model,
                        d,
                        n,
                        m,
                        p2,
                        c2,
                        sigma,
                        lambda,
                        spectrum,
                        syntheticSpectrum,
                        syntheticSigma,
                        syntheticWeight,
                        estimator,
                        generations,
                        schedule,
                        freshReal,
                        badShare,
                        keepGood,
                        keepBad,
                        syntheticTeacher,
                        growth,
                        correction,
                        acceptBand,
                        acceptModel)
                .toProblem();
        if (p.model() == ModelKind.RIDGE && m != null) {
            throw new ParameterException("m", m, "absent unless --model rp (ridge has no width)");
        }
        if (generations == 0 && p.generations().schedule() != Schedule.REPLACE) {
            throw new ParameterException(
                    "schedule", schedule, "absent unless --generations > 0 (a single fit has no " + "schedule)");
        }
        if (generations == 0 && freshReal != 0) {
            throw new ParameterException("freshReal", freshReal, "absent unless --generations > 0");
        }
        if (p.estimator() == Estimator.PRIOR) {
            String why = " with --estimator prior (it fits the real rows only, shrunk toward the synthetic teacher)";
            if (syntheticWeight != 1) {
                throw new ParameterException("syntheticWeight", syntheticWeight, "1" + why);
            }
            if (syntheticSigma != null) {
                throw new ParameterException("syntheticSigma", syntheticSigma, "absent" + why);
            }
            if (syntheticSpectrum != null) {
                throw new ParameterException("syntheticSpectrum", syntheticSpectrum, "absent" + why);
            }
        }
        return p;
    }

    /** σ² when {@code --with-noise} is given, else 0. */
    double noiseFloor() {
        return withNoise ? sigma * sigma : 0;
    }
}
