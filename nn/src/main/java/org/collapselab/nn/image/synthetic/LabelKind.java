package org.collapselab.nn.image.synthetic;

/** What the generator hands out as the synthetic target of an image. */
public enum LabelKind {
    /**
     * The generator's real-valued regression outputs (one per class): synthetic targets {@code f_gen(x)}, the image
     * analogue of the paper's shifted labels {@code y = xᵀw2*}.
     */
    SOFT,
    /** The one-hot encoding of the generator's predicted class (a hard pseudo-label). */
    HARD
}
