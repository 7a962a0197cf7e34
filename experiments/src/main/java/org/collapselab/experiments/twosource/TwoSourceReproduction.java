package org.collapselab.experiments.twosource;

import java.util.List;
import org.collapselab.experiments.reproduce.BundledStudies;

/** {@code collapselab reproduce twosource}: weighted mixing, strategies and covariate shift (two bundled studies). */
public final class TwoSourceReproduction extends BundledStudies {
  public TwoSourceReproduction() {
    super("twosource", "Two sources: the paper's weighted mixing, strategies, covariate shift",
        List.of("twosource", "twosource-shift"));
  }
}
