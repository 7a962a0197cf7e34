package org.collapselab.nn.image.study;

import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.image.synthetic.GeneratorSpec;

/**
 * One trained model: a network of a given width trained on {@code n} images of which a share {@code p2} carry
 * synthetic targets, for one seed. The unit stored in the result database.
 *
 * @param dataset data-set name ({@code mnist}, {@code fashion-mnist}, ...)
 * @param network network kind
 * @param width hidden width (≥ 1)
 * @param n total training images (≥ 1)
 * @param p2 synthetic share in [0, 1]; {@code round(p2·n)} images get synthetic targets, the rest their true labels
 * @param training Adam schedule (Adam-trained kinds)
 * @param ridge ridge penalty λ of the random-features readout (&gt; 0)
 * @param generator how the synthetic targets are made
 * @param reserved size of the reserved generator slice of the training split
 * @param seed seed of this replicate (sample draw, initialisation, batch order)
 */
public record CellSpec(
        String dataset,
        NetworkKind network,
        int width,
        int n,
        double p2,
        TrainingPlan training,
        double ridge,
        GeneratorSpec generator,
        int reserved,
        long seed)
        implements java.io.Serializable {
    public CellSpec {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be named");
        }
        if (network == null || training == null || generator == null) {
            throw new IllegalArgumentException("network, training and generator must be given");
        }
        if (width < 1 || width > 200_000) {
            throw new IllegalArgumentException("width must be in [1, 200000], got " + width);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(p2 >= 0 && p2 <= 1)) {
            throw new IllegalArgumentException("p2 must be in [0, 1], got " + p2);
        }
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be a positive finite number, got " + ridge);
        }
        if (reserved < generator.samples()) {
            throw new IllegalArgumentException(
                    "reserved slice (" + reserved + ") smaller than generator samples (" + generator.samples() + ")");
        }
    }

    /** Number of synthetic images {@code round(p2·n)}. */
    public int syntheticCount() {
        return (int) Math.round(p2 * n);
    }

    /** Number of real images. */
    public int realCount() {
        return n - syntheticCount();
    }
}
