package org.collapselab.nn.image.study;

import java.util.Map;

/**
 * The stored results of an image study, for its figures, report and claims.
 *
 * @param study the study
 * @param results result of every stored cell, in the study's order
 * @param generators measured quality of each generator used, over its replicates, by
 *     {@link GeneratorQuality#key}
 * @param missing cells not in the store (other shards, failures)
 */
public record ImageResults(
        ImageStudy study, Map<CellSpec, CellResult> results, Map<String, GeneratorQuality> generators, int missing) {
    /** The quality of the study's kind of generator (its labels) trained on {@code samples} images. */
    public GeneratorQuality generator(int samples) {
        return generator(samples, study.generator().labels());
    }

    /** The quality of a generator trained on {@code samples} images with the given labels. */
    public GeneratorQuality generator(int samples, org.collapselab.nn.image.synthetic.LabelKind labels) {
        return generators.get(GeneratorQuality.key(samples, labels));
    }
}
