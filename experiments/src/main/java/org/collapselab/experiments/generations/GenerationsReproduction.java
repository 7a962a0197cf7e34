package org.collapselab.experiments.generations;

import java.util.List;
import org.collapselab.experiments.reproduce.BundledStudies;

/** {@code collapselab reproduce generations}: the retraining loops of {@code studies/generations.yaml}. */
public final class GenerationsReproduction extends BundledStudies {
  public GenerationsReproduction() {
    super("generations", "Model collapse over generations: replace, accumulate, fresh real data",
        List.of("generations"));
  }
}
