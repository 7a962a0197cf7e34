package org.collapselab.experiments.run;

import java.io.Serializable;
import org.collapselab.experiments.store.StoredCell;

/**
 * One unit of work of a sweep: computes a cell and returns it ready to store. Serializable so that a distributed
 * {@link SweepExecutor} can ship it to another machine; it must be deterministic given its own fields.
 */
public interface CellJob extends Serializable {
  /** The cell's database key. */
  String key();

  /** Computes the cell. Failures of a part (e.g. a divergent theory point) belong in the result, not thrown. */
  StoredCell compute() throws Exception;
}
