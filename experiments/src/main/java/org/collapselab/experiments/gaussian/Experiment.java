package org.collapselab.experiments.gaussian;

import org.collapselab.experiments.gaussian.Compute;
import org.collapselab.experiments.gaussian.Experiment;
import org.collapselab.experiments.gaussian.FigureSpec;
import org.collapselab.experiments.gaussian.GridExpander;
import org.collapselab.experiments.gaussian.Param;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment file: every parameter has a non-empty list of values (fixed parameters one value), in
 * declaration order; {@link GridExpander} turns it into cells.
 *
 * @param source the file it was read from (for messages), or a resource name
 * @param name experiment name (key in the result database, default output folder)
 * @param description free text
 * @param compute theory, simulation or both
 * @param runs simulation runs per cell
 * @param values for each parameter, its values (swept parameters have several, or one)
 * @param swept the parameters listed under {@code sweep}, in file order
 * @param simulationLimits cells whose parameter exceeds the limit get theory only (e.g. n: 100000)
 * @param figures figures to draw
 */
public record Experiment(String source, String name, String description, Compute compute, int runs,
                         Map<Param, List<Object>> values, List<Param> swept, Map<Param, Double> simulationLimits,
                         List<FigureSpec> figures) {
  public Experiment {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    swept = List.copyOf(swept);
    simulationLimits = Map.copyOf(simulationLimits);
    figures = List.copyOf(figures);
  }

  /** The single value of a fixed parameter or the first of a swept one. */
  public Object first(Param p) {
    return values.get(p).get(0);
  }

  /** Convenience for the file name without folders. */
  public static String displayName(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }
}
