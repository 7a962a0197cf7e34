package org.collapselab.experiments.generations;

import java.util.List;
import org.collapselab.experiments.reproduce.BundledStudies;

/**
 * {@code collapselab reproduce generations}: the Gaussian retraining loops of {@code studies/generations.yaml}, then
 * the neural loops (nn module) of {@code studies/generations-lm.yaml} and {@code studies/generations-image.yaml},
 * each skipped with one line when its data or module is absent.
 */
public final class GenerationsReproduction extends BundledStudies {
  public GenerationsReproduction() {
    super("generations", "Model collapse over generations: replace, accumulate, fresh real data",
        List.of("generations", "generations-lm", "generations-image"));
  }
}
