package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs training-set size at a fixed width (the scaling figure: does adding data at fixed p2 help?).
 *
 * @param network network kind
 * @param width hidden width
 * @param n training-set sizes, increasing
 * @param generatorSamples real images of each generator whose synthetic targets the sweep uses (one curve family and
 *     one plateau claim per generator quality); empty: the study's generator only
 * @param earlyStopping whether the Adam-trained networks stop early on the real validation images (the study's
 *     training plan); false: the plan's epochs and steps exactly, a control for what early stopping does
 */
public record SizeSweep(
        NetworkKind network, int width, List<Integer> n, List<Integer> generatorSamples, boolean earlyStopping) {
    public SizeSweep {
        n = List.copyOf(n);
        generatorSamples = List.copyOf(generatorSamples);
    }

    /** A sweep with the given generators and early stopping as in the study's plan. */
    public SizeSweep(NetworkKind network, int width, List<Integer> n, List<Integer> generatorSamples) {
        this(network, width, n, generatorSamples, true);
    }

    /** A sweep with the study's generator only. */
    public SizeSweep(NetworkKind network, int width, List<Integer> n) {
        this(network, width, n, List.of(), true);
    }

    /** The generator sizes of the sweep: {@link #generatorSamples}, or the study's generator {@code studyGenerator}. */
    public List<Integer> generators(int studyGenerator) {
        return generatorSamples.isEmpty() ? List.of(studyGenerator) : generatorSamples;
    }
}
