package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs synthetic share for generators of different quality (trained on different numbers of real images),
 * at one width and size: the image analogue of the paper's panels per c².
 *
 * @param network network kind
 * @param width hidden width
 * @param n training images
 * @param generatorSamples real images each generator is trained on (fewer = worse synthetic data)
 */
public record QualitySweep(NetworkKind network, int width, int n, List<Integer> generatorSamples) {
    public QualitySweep {
        generatorSamples = List.copyOf(generatorSamples);
    }
}
