package org.collapselab.nn.image.synthetic;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.collapselab.nn.image.model.TrainingConfig;

/**
 * How the synthetic data are made: a two-layer network (the generator) is trained on a small slice of real training
 * images (disjoint from every image the studied models see), and its outputs on other real training images are the
 * synthetic targets. Fewer generator samples mean worse synthetic data (a larger empirical c²); optional Gaussian
 * noise added to soft targets degrades them further.
 *
 * @param samples real images the generator is trained on (≥ 10)
 * @param width generator hidden width (≥ 1)
 * @param training generator training schedule
 * @param labels soft regression outputs or hard one-hot pseudo-labels
 * @param noise standard deviation of Gaussian noise added to every synthetic target value (≥ 0)
 * @param seed seed of the reserved slice (and so of the pool and the validation images); replicate 0's initialisation
 *     and noise
 * @param replicate which draw of the generator: replicate 0 trains on the first {@code samples} images of the reserved
 *     slice, replicate r &gt; 0 on a random subset of its first (reserved − holdout) images, with its own
 *     initialisation, order and noise; the slice, the pool and the validation images stay those of {@code seed}, so
 *     replicates differ only in the generator (absent from the JSON, and so from the key, at 0)
 * @param holdout images at the end of the reserved slice a replicate r &gt; 0 never trains on (the validation images
 *     of early stopping)
 */
public record GeneratorSpec(
        int samples,
        int width,
        TrainingConfig training,
        LabelKind labels,
        double noise,
        long seed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int replicate,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int holdout)
        implements java.io.Serializable {
    /** Replicate 0. */
    public GeneratorSpec(int samples, int width, TrainingConfig training, LabelKind labels, double noise, long seed) {
        this(samples, width, training, labels, noise, seed, 0, 0);
    }

    public GeneratorSpec {
        if (replicate < 0 || replicate > 1000 || holdout < 0) {
            throw new IllegalArgumentException(
                    "generator replicate must be in [0, 1000] and holdout >= 0, got " + replicate + ", " + holdout);
        }
        if (samples < 10 || samples > 1_000_000) {
            throw new IllegalArgumentException("generator samples must be in [10, 1000000], got " + samples);
        }
        if (width < 1 || width > 100_000) {
            throw new IllegalArgumentException("generator width must be in [1, 100000], got " + width);
        }
        if (!(noise >= 0 && noise <= 100)) {
            throw new IllegalArgumentException("generator noise must be in [0, 100], got " + noise);
        }
        if (training == null || labels == null) {
            throw new IllegalArgumentException("generator training and labels must be given");
        }
    }
}
