package org.collapselab.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.spec.Experiment;

/**
 * What a sweep did.
 *
 * @param experiment the experiment
 * @param totalCells distinct cells in the grid
 * @param shardCells cells owned by this shard
 * @param reused cells read back from the database (not recomputed)
 * @param computed cells computed now
 * @param failed cells whose job threw (not stored; rerun to retry)
 * @param seconds wall time
 * @param results the results of every grid cell present in the database, in grid order
 * @param figures files written
 * @param failures messages of failed cells
 */
public record RunSummary(Experiment experiment, int totalCells, int shardCells, int reused, int computed, int failed,
                         double seconds, List<GaussianResult> results, List<Path> figures, List<String> failures) {
  public RunSummary {
    results = List.copyOf(results);
    figures = List.copyOf(figures);
    failures = List.copyOf(failures);
  }

  /** Cells with a theory error. */
  public long theoryErrors() {
    return results.stream().filter(r -> r.theoryError() != null).count();
  }

  /** Cells with a simulation error. */
  public long simulationErrors() {
    return results.stream().filter(r -> r.simulationError() != null).count();
  }
}
