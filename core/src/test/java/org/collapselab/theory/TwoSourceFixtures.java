package org.collapselab.theory;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;

/** Synthetic-source spectra shared by the two-source agreement tests. */
final class TwoSourceFixtures {
    private TwoSourceFixtures() {}

    /** Σ2 given as "same", "iso" or "power:A" (of dimension d). */
    static Spectrum synthetic(String kind, Spectrum real) {
        return kind.equals("same") ? null : Agreement.spectrum(kind, real.dimension());
    }
}
