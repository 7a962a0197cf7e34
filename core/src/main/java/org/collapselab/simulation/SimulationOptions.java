package org.collapselab.simulation;

import org.collapselab.data.FeatureLaw;
import org.collapselab.validation.ParameterException;

/**
 * How a simulation draws its data (not part of the {@link org.collapselab.problem.Problem}: every choice samples the
 * same setting, except non-Gaussian features, which are the universality question).
 *
 * @param features law of the whitened feature coordinates (Gaussian = the theory's setting)
 * @param sampler exact sufficient statistics, direct rows, or the cheaper one (exact needs Gaussian features)
 */
public record SimulationOptions(FeatureLaw features, Sampler sampler) implements java.io.Serializable {
    /** Gaussian features, cheaper sampler. */
    public static final SimulationOptions DEFAULT = new SimulationOptions(FeatureLaw.GAUSSIAN, Sampler.AUTO);

    public SimulationOptions {
        if (features == null) {
            features = FeatureLaw.GAUSSIAN;
        }
        if (sampler == null) {
            sampler = Sampler.AUTO;
        }
        if (sampler == Sampler.EXACT && !features.isGaussian()) {
            throw new ParameterException(
                    "sampler",
                    "exact",
                    "direct or auto with --features " + features.key() + " (exact sampling needs Gaussian features)");
        }
    }

    /** The same options with another sampler. */
    public SimulationOptions withSampler(Sampler s) {
        return new SimulationOptions(features, s);
    }
}
