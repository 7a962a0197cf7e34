package org.collapselab.nn.text.study;

import org.collapselab.nn.text.model.GptConfig;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * A language-model study ({@code kind: lm}): one generator cell, then one training cell per (seed, model size, p2)
 * that needs the generator's corpus. Every cell runs in its own process (DJL allows one gradient collector per
 * process), which also lets two models train at once on two cores.
 *
 * @param name study name (experiment name of the training runs; the generator is stored as NAME-generator)
 * @param config the experiment's configuration
 * @param quick whether the file's quick overrides were applied (noted in the report)
 */
public record LmStudy(String name, LmExperimentConfig config, boolean quick) implements Study {
  @Override
  public List<CellJob> cells() {
    List<CellJob> out = new ArrayList<>();
    out.add(new LmGeneratorJob(config, name + "-generator", 1));
    for (int seed = 0; seed < config.seeds(); seed++) {
      for (GptConfig m : config.models()) {
        for (double p2 : config.p2s(m)) {
          out.add(new LmRunJob(config, name, m, p2, seed, 1, null));
        }
      }
    }
    return out;
  }

  /** The text corpus is missing: how to get it. */
  @Override
  public String unavailable() {
    return java.nio.file.Files.exists(config.corpusPath()) ? null
        : new org.collapselab.nn.text.corpus.TextCorpus.CorpusMissingException(config.corpusPath()).getMessage();
  }

  @Override
  public boolean isolated() {
    return true;
  }

  @Override
  public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
    return LmReport.report(this, results, o);
  }
}
