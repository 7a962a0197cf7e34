package org.collapselab.experiments.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.collapselab.experiments.spec.Experiment;
import org.collapselab.experiments.spec.ExperimentLoader;

/** The ready-made experiment files of the repository's {@code studies/} folder, bundled in the jar. */
public final class Studies {
  /** The Gaussian figures of the paper, in report order. */
  public static final java.util.List<String> GAUSSIAN = java.util.List.of("fig1-pareto", "fig2-width", "fig3-scaling");

  private Studies() {}

  /** Loads and validates a bundled study ({@code quick} applies its quick overrides). */
  public static Experiment load(String name, boolean quick) {
    String res = "/org/collapselab/experiments/studies/" + name + ".yaml";
    try (InputStream in = Studies.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("study " + name + " is not bundled (" + res + ")");
      }
      return ExperimentLoader.parse("studies/" + name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8),
          quick);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled study " + name, e);
    }
  }
}
