package org.collapselab.experiments.classification;

import java.util.List;
import org.collapselab.experiments.reproduce.BundledStudies;

/**
 * {@code collapselab reproduce classification}: error vs n and λ under flipped synthetic labels, and the breakdown of
 * verification (two bundled studies).
 */
public final class ClassificationReproduction extends BundledStudies {
  public ClassificationReproduction() {
    super("classification", "Classification: accuracy under flipped synthetic labels, and the breakdown of "
        + "verification", List.of("classification", "classification-breakdown"));
  }
}
