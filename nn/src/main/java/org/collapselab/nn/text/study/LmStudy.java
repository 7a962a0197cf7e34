package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * A language-model study ({@code kind: lm}): the generator replicates, then one student cell per (budget, seed,
 * arm); the generated arms need their generator replicate's corpus. Every cell runs in its own process (DJL allows
 * one gradient collector per process), which also lets two models train at once on two cores.
 *
 * @param name study name (experiment name of the student runs; the generators are stored as NAME-generator)
 * @param config the study's configuration
 * @param quick whether the file's quick overrides were applied (noted in the report)
 */
public record LmStudy(String name, LmExperimentConfig config, boolean quick) implements Study {
    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (LmGeneratorConfig g : config.generators()) {
            for (int r = 0; r < Math.min(config.generatorSeeds(), config.seeds()); r++) {
                out.add(new LmGeneratorJob(config, name + "-generator", g.name(), r));
            }
        }
        for (long budget : config.budgets()) {
            for (int seed = 0; seed < config.seeds(); seed++) {
                for (LmArm arm : config.arms()) {
                    out.add(new LmRunJob(config, name, arm, budget, seed, null));
                }
            }
        }
        return out;
    }

    /** The text corpus is missing: how to get it. */
    @Override
    public String unavailable() {
        return java.nio.file.Files.exists(config.corpus().corpusPath())
                ? null
                : new org.collapselab.nn.text.corpus.TextCorpus.CorpusMissingException(
                                config.corpus().corpusPath())
                        .getMessage();
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
