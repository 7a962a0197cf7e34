package org.collapselab.nn.text.study;

import org.collapselab.nn.text.model.GptConfig;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.nn.common.TorchRuntime;

/**
 * One training run of a language-model study: a model size trained on the mixture with share {@code p2} for one
 * seed. Needs the generator cell's synthetic corpus (attached by the runner before it runs).
 *
 * @param config the study's configuration
 * @param experiment experiment name in the store
 * @param model the model size
 * @param p2 synthetic share
 * @param seed seed index (0-based)
 * @param threads PyTorch intra-op threads
 * @param syntheticText the generator's corpus (null until attached)
 */
public record LmRunJob(LmExperimentConfig config, String experiment, GptConfig model, double p2, int seed,
    int threads, String syntheticText) implements CellJob {
  private static final long serialVersionUID = 1L;

  @Override
  public String key() {
    LanguageModelExperiment.Prepared d = prepared();
    return CellKeys.key(d.runJson(model, p2, seed), d.runSeed(seed));
  }

  @Override
  public String label() {
    return "lm " + model.name() + " " + model.shape() + " p2=" + p2 + " seed=" + seed;
  }

  @Override
  public double cost() {
    return 1 + model.parameterCount(64) / 1e9;
  }

  @Override
  public List<String> needs() {
    return List.of(prepared().generatorKey());
  }

  @Override
  public CellJob withInputs(Map<String, String> inputs) {
    try {
      String text = LmGeneratorJob.read(inputs.get(prepared().generatorKey())).text();
      return new LmRunJob(config, experiment, model, p2, seed, threads, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public CellJob withThreads(int t) {
    return new LmRunJob(config, experiment, model, p2, seed, t, syntheticText);
  }

  @Override
  public StoredCell compute() throws IOException {
    if (syntheticText == null) {
      throw new IllegalStateException(label() + ": the generator's synthetic corpus was not attached");
    }
    TorchRuntime.engine(threads);
    LanguageModelExperiment.Prepared d = prepared();
    LmRunResult r = LanguageModelExperiment.train(d, syntheticText, model, p2, seed, LmGeneratorJob.cellLog());
    return StoredCell.now(key(), experiment, d.runJson(model, p2, seed),
        LanguageModelExperiment.JSON.writeValueAsString(r), r.seconds());
  }

  private LanguageModelExperiment.Prepared prepared() {
    try {
      return LanguageModelExperiment.prepare(config);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
