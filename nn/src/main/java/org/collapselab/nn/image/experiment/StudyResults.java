package org.collapselab.nn.image.experiment;

import java.util.List;
import java.util.Map;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/**
 * Everything a finished study produced.
 *
 * @param study the study
 * @param results result of every finished cell
 * @param generators measured quality of each generator used, by number of generator samples: [pool quality
 *     (empirical c² and label error over the pool), generator's own test quality]
 * @param computed cells trained in this run
 * @param reused cells read back from the result database
 * @param failed cells that failed (with messages in {@code failures})
 * @param failures one message per failed cell
 * @param seconds wall time of the run
 */
public record StudyResults(MnistStudy study, Map<CellSpec, CellResult> results,
    Map<Integer, SyntheticQuality[]> generators, int computed, int reused, int failed, List<String> failures,
    double seconds) {}
