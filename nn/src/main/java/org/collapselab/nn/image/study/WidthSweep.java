package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs hidden width at a fixed training-set size (the paper's error-vs-model-size figure).
 *
 * @param network network kind
 * @param n total training images
 * @param widths hidden widths, increasing
 * @param generatorSamples real images of each generator whose synthetic targets the sweep uses (one curve family per
 *     quality: the best width per c²); empty: the study's generator only
 * @param labels the synthetic targets' kind in this sweep (e.g. hard one-hot pseudo-labels, which carry label noise
 *     like the real labels: the paper's model keeps σ2 = σ1); null: the study generator's
 */
public record WidthSweep(
        NetworkKind network,
        int n,
        List<Integer> widths,
        List<Integer> generatorSamples,
        org.collapselab.nn.image.synthetic.LabelKind labels) {
    public WidthSweep {
        widths = List.copyOf(widths);
        generatorSamples = List.copyOf(generatorSamples);
    }

    /** A sweep with the study's generator only. */
    public WidthSweep(NetworkKind network, int n, List<Integer> widths) {
        this(network, n, widths, List.of(), null);
    }

    /** The generator sizes of the sweep: {@link #generatorSamples}, or the study's generator {@code studyGenerator}. */
    public List<Integer> generators(int studyGenerator) {
        return generatorSamples.isEmpty() ? List.of(studyGenerator) : generatorSamples;
    }
}
