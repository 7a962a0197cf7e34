package org.collapselab.nn.image.study;

import java.util.Map;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/**
 * The stored results of an image study, for its figures, report and claims.
 *
 * @param study the study
 * @param results result of every stored cell, in the study's order
 * @param generators measured quality of each generator used, by number of generator samples: [pool quality
 *     (empirical c² and label error over the pool), generator's own test quality]
 * @param missing cells not in the store (other shards, failures)
 */
public record ImageResults(ImageStudy study, Map<CellSpec, CellResult> results,
    Map<Integer, SyntheticQuality[]> generators, int missing) {}
