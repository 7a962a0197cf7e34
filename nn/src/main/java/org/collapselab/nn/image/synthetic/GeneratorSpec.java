package org.collapselab.nn.image.synthetic;

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
 * @param seed seed of the generator's slice, initialisation and noise
 */
public record GeneratorSpec(int samples, int width, TrainingConfig training, LabelKind labels, double noise,
    long seed) implements java.io.Serializable {
  public GeneratorSpec {
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
