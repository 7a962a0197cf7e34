package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.nn.common.Checks;
import org.collapselab.nn.text.corpus.CorpusSpec;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.validation.ParameterException;

/**
 * Everything the language-model collapse study varies, read from a study file ({@code kind: lm}; the bundled
 * {@code studies/lm.yaml} is a CPU-scale version of the paper's protocol): one student architecture trained at
 * several token budgets T (each with its own learning-rate schedule) on real text mixed with a share p2 of text
 * from each generator (a strong one the students never reach, a weak one they overtake), with two controls at the
 * same budget: a share of real text from another domain (shifted) and real text alone at (1 − p2)·T (diluted). The
 * loss is measured on held-out real text.
 *
 * @param corpus the real text, its split, tokenizer and evaluation windows
 * @param model the student architecture
 * @param plan the students' optimiser and evaluations (its token count is replaced by each budget)
 * @param budgets training-token budgets T, ascending
 * @param p2s synthetic shares swept, 0 included
 * @param seeds student seeds 0..seeds−1 (initial weights and data order, shared by every arm and budget)
 * @param generators the generators of synthetic text
 * @param generatorSeeds replicates of each generator; student seed s trains on replicate s mod generatorSeeds
 * @param temperature sampling temperature of the generators (and of the students' samples)
 * @param topP nucleus share of the generators' sampling, in (0, 1]
 * @param syntheticTokens tokens each generator samples (5% of the kept documents are held out for evaluation)
 * @param shiftedFiles files of the corpus folder used as the shifted-domain real control (empty: no control)
 * @param shiftedP2s shares at which the shifted control is trained
 * @param dilutionP2s shares p2 whose real part alone ((1 − p2)·T tokens) is trained as the dilution control
 * @param sampleLength tokens per generated sample saved next to the figures
 * @param samples samples per arm (seed 0 at the largest budget only)
 * @param baseSeed seed from which every run's seed is derived
 * @param threads PyTorch threads of every cell (fixed: part of the keys, since it changes float summation order)
 */
public record LmExperimentConfig(
        CorpusSpec corpus,
        GptConfig model,
        TrainingPlan plan,
        List<Long> budgets,
        List<Double> p2s,
        int seeds,
        List<LmGeneratorConfig> generators,
        int generatorSeeds,
        double temperature,
        double topP,
        long syntheticTokens,
        List<String> shiftedFiles,
        List<Double> shiftedP2s,
        List<Double> dilutionP2s,
        int sampleLength,
        int samples,
        long baseSeed,
        int threads)
        implements java.io.Serializable {

    public LmExperimentConfig {
        budgets = budgets.stream().sorted().toList();
        p2s = p2s.stream().sorted().toList();
        generators = List.copyOf(generators);
        shiftedFiles = List.copyOf(shiftedFiles);
        shiftedP2s = List.copyOf(shiftedP2s);
        dilutionP2s = List.copyOf(dilutionP2s);
        if (budgets.isEmpty()) {
            throw new ParameterException("budgets", budgets, "a non-empty list of token budgets");
        }
        for (long t : budgets) {
            Checks.longIn("budgets", t, 1, 10_000_000_000L);
        }
        if (p2s.isEmpty() || p2s.get(0) != 0) {
            throw new ParameterException("p2", p2s, "a list of shares in [0, 1] that includes 0");
        }
        for (double p : p2s) {
            Checks.doubleIn("p2", p, 0.0, 1.0);
        }
        for (double p : shiftedP2s) {
            Checks.doubleIn("shifted.p2", p, 1e-6, 1 - 1e-6);
        }
        for (double p : dilutionP2s) {
            Checks.doubleIn("dilution_p2", p, 1e-6, 1 - 1e-6);
        }
        if (!shiftedP2s.isEmpty() && shiftedFiles.isEmpty()) {
            throw new ParameterException("shifted.files", shiftedFiles, "at least one file of the corpus folder");
        }
        Checks.intIn("seeds", seeds, 1, 100);
        Checks.intIn("generator_seeds", generatorSeeds, 1, 100);
        Checks.doubleIn("temperature", temperature, 0.05, 5.0);
        Checks.doubleIn("top_p", topP, 0.01, 1.0);
        Checks.longIn("synthetic_tokens", syntheticTokens, 1000, 1_000_000_000L);
        Checks.intIn("sample_length", sampleLength, 1, 100_000);
        Checks.intIn("samples", samples, 0, 100);
        Checks.intIn("threads", threads, 1, 64);
        List<String> names = new ArrayList<>();
        for (LmGeneratorConfig g : generators) {
            if (names.contains(g.name()) || !g.name().matches("[a-z][a-z0-9_]*")) {
                throw new ParameterException(
                        "generators.name", g.name(), "distinct lower-case names ([a-z][a-z0-9_]*)");
            }
            names.add(g.name());
            if (g.model().context() != model.context()) {
                throw new ParameterException(
                        "generators." + g.name() + ".model.context",
                        g.model().context(),
                        "equal to the students' context (" + model.context() + ")");
            }
        }
        if (model.context() != corpus.context()) {
            throw new ParameterException("model.context", model.context(), "the corpus context " + corpus.context());
        }
        if (p2s.stream().anyMatch(p -> p > 0) && generators.isEmpty()) {
            throw new ParameterException("generators", generators, "at least one generator when some p2 > 0");
        }
    }

    /** Every arm trained at each budget and seed, in report order. */
    public List<LmArm> arms() {
        List<LmArm> out = new ArrayList<>();
        out.add(LmArm.REAL_ONLY);
        for (LmGeneratorConfig g : generators) {
            for (double p : p2s) {
                if (p > 0) {
                    out.add(new LmArm(LmArm.Source.GENERATED, g.name(), p));
                }
            }
        }
        for (double p : shiftedP2s) {
            out.add(new LmArm(LmArm.Source.SHIFTED, "", p));
        }
        for (double p : dilutionP2s) {
            out.add(new LmArm(LmArm.Source.DILUTED, "", p));
        }
        return out;
    }

    /** The generator of a given name. */
    public LmGeneratorConfig generator(String name) {
        return generators.stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no generator named " + name));
    }

    /** The generator replicate student seed {@code seed} trains on. */
    public int replicateOf(int seed) {
        return seed % generatorSeeds;
    }

    /** The students' plan at budget {@code tokens}. */
    public TrainingPlan planAt(long tokens) {
        return new TrainingPlan(
                tokens,
                plan.batch(),
                plan.learningRate(),
                plan.warmupFraction(),
                plan.finalLrFraction(),
                plan.weightDecay(),
                plan.evalPoints());
    }

    /** The largest budget. */
    public long largestBudget() {
        return budgets.get(budgets.size() - 1);
    }
}
