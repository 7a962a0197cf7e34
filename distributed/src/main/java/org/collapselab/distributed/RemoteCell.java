package org.collapselab.distributed;

import java.io.Serializable;
import java.util.concurrent.Callable;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.store.StoredCell;

/** Ships one {@link CellJob} to a cluster member and brings its {@link StoredCell} back in serializable form. */
record RemoteCell(CellJob job) implements Callable<RemoteCell.Payload>, Serializable {

  /** The fields of a {@link StoredCell}, serializable. */
  record Payload(String key, String experiment, String configJson, String resultJson, double seconds, String version,
                 long createdAtMillis) implements Serializable {
    static Payload of(StoredCell c) {
      return new Payload(c.key(), c.experiment(), c.configJson(), c.resultJson(), c.seconds(), c.version(),
          c.createdAtMillis());
    }

    StoredCell toCell() {
      return new StoredCell(key, experiment, configJson, resultJson, seconds, version, createdAtMillis);
    }
  }

  @Override
  public Payload call() throws Exception {
    return Payload.of(job.compute());
  }
}
