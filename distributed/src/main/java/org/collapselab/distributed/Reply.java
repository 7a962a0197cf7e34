package org.collapselab.distributed;

import java.io.Serializable;
import org.collapselab.experiments.store.StoredCell;

/**
 * What a member computed for one job: the cell, or (cell null) why it failed, in one line.
 *
 * @param cell the computed cell, or null
 * @param failure the failure's class name and message, or null
 */
record Reply(StoredCell cell, String failure) implements Serializable {}
