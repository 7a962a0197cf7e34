package org.collapselab.nn.image.study;

import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.image.synthetic.GeneratorSpec;
import org.collapselab.nn.image.synthetic.LabelKind;

/**
 * The generator of synthetic targets as written in a study file (see {@link GeneratorSpec}).
 *
 * @param samples real images it is trained on
 * @param width hidden width of the generator network
 * @param training its Adam schedule
 * @param labels soft outputs or hard pseudo-labels
 * @param noise Gaussian noise added to each synthetic target value
 * @param seed its seed (slice, initialisation, noise)
 */
public record GeneratorPlan(int samples, int width, TrainingPlan training, LabelKind labels, double noise, long seed) {
    /** The concrete generator (replicate 0). */
    public GeneratorSpec toSpec() {
        return new GeneratorSpec(samples, width, training.forSize(samples), labels, noise, seed);
    }

    /** Replicate {@code r} of the generator, never training on the last {@code holdout} reserved images. */
    public GeneratorSpec toSpec(int r, int holdout) {
        return r == 0
                ? toSpec()
                : new GeneratorSpec(samples, width, training.forSize(samples), labels, noise, seed, r, holdout);
    }

    /** The same generator with other labels (hard one-hot pseudo-labels or soft outputs). */
    public GeneratorPlan withLabels(LabelKind l) {
        return new GeneratorPlan(samples, width, training, l, noise, seed);
    }

    /** The same generator trained on another number of real images. */
    public GeneratorPlan withSamples(int s) {
        return new GeneratorPlan(s, width, training, labels, noise, seed);
    }
}
