package org.collapselab.nn.image.study;

/** Which network a cell trains. */
public enum NetworkKind {
    /** Two-layer ReLU network, both layers trained end to end by Adam. */
    TWO_LAYER,
    /**
     * Random-features network: first layer frozen at random {@code N(0, 1/d)} weights, output layer fitted exactly by
     * ridge (the limit of training it to convergence); the paper's random-projection model with a ReLU.
     */
    RANDOM_FEATURES,
    /** Random-features network whose output layer is trained by Adam for the cell's schedule instead of solved. */
    RANDOM_FEATURES_ADAM
}
