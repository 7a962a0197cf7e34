package org.collapselab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.simulation.SimulationResult;
import org.collapselab.spectrum.Spectrum;

/** Shared pieces of the theory-vs-simulation tests: test spectra by name and the agreement criterion. */
public final class Agreement {
    private Agreement() {}

    /** {@code iso} or {@code power:A} of dimension d. */
    public static Spectrum spectrum(String kind, int d) {
        String k = kind.trim();
        return k.equals("iso")
                ? Spectrum.isotropic(d)
                : Spectrum.powerLaw(d, Double.parseDouble(k.substring("power:".length())));
    }

    /**
     * The agreement criterion of the issue: the simulated mean has a relative standard error under 2%, and the
     * theory lies within 3 standard errors of it.
     */
    public static void assertAgrees(double theory, SimulationResult sim) {
        assertThat(sim.stderr() / sim.mean()).as("relative standard error").isLessThan(0.02);
        assertThat(Math.abs(sim.mean() - theory))
                .as("|sim − theory| for theory %.5f, sim %.5f ± %.5f", theory, sim.mean(), sim.stderr())
                .isLessThan(3 * sim.stderr());
    }
}
