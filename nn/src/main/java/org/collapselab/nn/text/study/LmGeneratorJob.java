package org.collapselab.nn.text.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.text.synthetic.GeneratorResult;
import org.collapselab.nn.text.synthetic.SyntheticCorpus;

/**
 * A generator cell of a language-model study: one replicate of a named generator trained on real text, sampled and
 * filtered. Its stored result carries the corpus itself ({@code syntheticText}), so the student cells that need it
 * can run in any process or on any machine, and the hashes of its weights, its kept text and its word list.
 *
 * @param config the study's configuration
 * @param experiment experiment name of the generator cells in the store
 * @param name the generator's name
 * @param replicate its replicate index
 */
public record LmGeneratorJob(LmExperimentConfig config, String experiment, String name, int replicate)
        implements CellJob {
    private static final long serialVersionUID = 2L;

    @Override
    public String key() {
        return prepared().generatorKey(name, replicate);
    }

    @Override
    public String label() {
        return "lm generator " + name + " #" + replicate + " "
                + config.generator(name).model().shape();
    }

    @Override
    public double cost() {
        LmGeneratorConfig g = config.generator(name);
        long params = g.model().parameterCount(config.corpus().vocabSize());
        return (g.plan().tokens() + 3.0 * config.syntheticTokens()) * params / 5e9;
    }

    @Override
    public StoredCell compute() throws IOException {
        TorchRuntime.engine(config.threads());
        LanguageModelExperiment.Prepared d = prepared();
        SyntheticCorpus.Generated g = LanguageModelExperiment.generator(d, name, replicate, cellLog());
        ObjectNode o = LanguageModelExperiment.JSON.valueToTree(g.result());
        o.put("syntheticText", g.text());
        return StoredCell.now(
                key(),
                experiment,
                d.generatorJson(name, replicate),
                LanguageModelExperiment.JSON.writeValueAsString(o),
                g.result().seconds());
    }

    /** The generator and its corpus from a stored result. */
    static SyntheticCorpus.Generated read(String json) throws IOException {
        ObjectNode o = (ObjectNode) LanguageModelExperiment.JSON.readTree(json);
        String text = o.path("syntheticText").asText("");
        o.remove("syntheticText");
        return new SyntheticCorpus.Generated(LanguageModelExperiment.JSON.treeToValue(o, GeneratorResult.class), text);
    }

    private LanguageModelExperiment.Prepared prepared() {
        return LanguageModelExperiment.prepare(config);
    }

    /**
     * Where a cell prints its training progress (one plain line per evaluation): stderr when there is no console (child
     * processes, logs, CI), so a long run shows progress in its log; nothing when a terminal shows the progress bar.
     */
    static PrintStream cellLog() {
        return System.console() == null ? System.err : new PrintStream(OutputStream.nullOutputStream());
    }
}
