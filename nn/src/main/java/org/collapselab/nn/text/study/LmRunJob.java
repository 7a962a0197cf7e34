package org.collapselab.nn.text.study;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.nn.common.TorchRuntime;

/**
 * One student run of a language-model study: an arm at a budget for one seed. A generated arm needs its generator
 * replicate's corpus (attached by the runner before it runs); the other arms need nothing and start at once. It runs
 * with the study's fixed thread count, whatever the runner offers ({@link #withThreads}), since the count changes
 * float summation order and so the numbers: it is part of the key.
 *
 * @param config the study's configuration
 * @param experiment experiment name in the store
 * @param arm what it trains on besides real text
 * @param budget the budget T
 * @param seed seed index (0-based)
 * @param syntheticText the generator's corpus (null until attached; unused by other arms)
 */
public record LmRunJob(
        LmExperimentConfig config, String experiment, LmArm arm, long budget, int seed, String syntheticText)
        implements CellJob {
    private static final long serialVersionUID = 2L;

    @Override
    public String key() {
        return prepared().runKey(arm, budget, seed);
    }

    @Override
    public String label() {
        return "lm " + arm.key() + " T=" + budget + " seed=" + seed;
    }

    @Override
    public double cost() {
        return arm.tokens(budget)
                * (double) config.model().parameterCount(config.corpus().vocabSize())
                / 5e9;
    }

    @Override
    public List<String> needs() {
        return generated() ? List.of(generatorKey()) : List.of();
    }

    @Override
    public CellJob withInputs(Map<String, String> inputs) {
        if (!generated()) {
            return this;
        }
        try {
            String text = LmGeneratorJob.read(inputs.get(generatorKey())).text();
            return new LmRunJob(config, experiment, arm, budget, seed, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public StoredCell compute() throws IOException {
        if (generated() && syntheticText == null) {
            throw new IllegalStateException(label() + ": the generator's synthetic corpus was not attached");
        }
        TorchRuntime.engine(config.threads());
        LanguageModelExperiment.Prepared d = prepared();
        LmRunResult r = LanguageModelExperiment.train(d, arm, budget, seed, syntheticText, LmGeneratorJob.cellLog());
        return StoredCell.now(
                key(),
                experiment,
                d.runJson(arm, budget, seed),
                LanguageModelExperiment.JSON.writeValueAsString(r),
                r.seconds());
    }

    private boolean generated() {
        return arm.source() == LmArm.Source.GENERATED;
    }

    private String generatorKey() {
        return prepared().generatorKey(arm.generator(), config.replicateOf(seed));
    }

    private LanguageModelExperiment.Prepared prepared() {
        return LanguageModelExperiment.prepare(config);
    }
}
