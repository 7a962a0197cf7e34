package org.collapselab.nn.text.study;

import org.collapselab.nn.text.synthetic.SyntheticCorpus;
import org.collapselab.nn.text.synthetic.GeneratorResult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.nn.common.TorchRuntime;

/**
 * The generator cell of a language-model study: trains the weaker model on real training text and samples the
 * synthetic corpus. Its stored result carries the corpus itself ({@code syntheticText}), so the training cells that
 * need it can run in any process or on any machine.
 *
 * @param config the study's configuration
 * @param experiment experiment name of the generator cell in the store
 * @param threads PyTorch intra-op threads
 */
public record LmGeneratorJob(LmExperimentConfig config, String experiment, int threads) implements CellJob {
  private static final long serialVersionUID = 1L;

  @Override
  public String key() {
    return prepared().generatorKey();
  }

  @Override
  public String label() {
    return "lm generator " + config.generator().shape();
  }

  @Override
  public double cost() {
    return 2; // first: every training cell needs it
  }

  @Override
  public CellJob withThreads(int t) {
    return new LmGeneratorJob(config, experiment, t);
  }

  @Override
  public StoredCell compute() throws IOException {
    TorchRuntime.engine(threads);
    LanguageModelExperiment.Prepared d = prepared();
    SyntheticCorpus.Generated g = LanguageModelExperiment.generator(d, cellLog());
    ObjectNode o = LanguageModelExperiment.JSON.valueToTree(g.result());
    o.put("syntheticText", g.text());
    return StoredCell.now(d.generatorKey(), experiment, d.generatorJson(),
        LanguageModelExperiment.JSON.writeValueAsString(o), g.result().seconds());
  }

  /** The generator and its corpus from a stored result. */
  static SyntheticCorpus.Generated read(String json) throws IOException {
    ObjectNode o = (ObjectNode) LanguageModelExperiment.JSON.readTree(json);
    String text = o.path("syntheticText").asText("");
    o.remove("syntheticText");
    return new SyntheticCorpus.Generated(LanguageModelExperiment.JSON.treeToValue(o, GeneratorResult.class),
        text);
  }

  private LanguageModelExperiment.Prepared prepared() {
    try {
      return LanguageModelExperiment.prepare(config);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Where a cell prints its training progress (one plain line per evaluation): stderr when there is no console (child
   * processes, logs, CI), so a long run shows progress in its log; nothing when a terminal shows the progress bar.
   */
  static PrintStream cellLog() {
    return System.console() == null ? System.err : new PrintStream(OutputStream.nullOutputStream());
  }
}
