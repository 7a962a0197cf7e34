package org.collapselab.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fit finds a law from pilots the law itself produced, and chooses its kind. */
class LawFitterTest {
    /** A learner that levels off at d_eff = 200, above a floor of 0.05. */
    static final LawParameters SATURATING = new LawParameters(0.05, 1, 0.2, 0.4, new LawShape(200, 0.8, 1e-3, 0));
    /**
     * An excess risk (no floor) of a learner with no d_eff in view. With a floor too, a floor and a slightly steeper
     * decay fit these pilots equally well (Δχ² = 0.05) and differ by 10% at 10× the pilots: the floor is not identified
     * from such pilots, so this exact-recovery check uses a law without one.
     */
    static final LawParameters UNBOUNDED = new LawParameters(0, 0.8, 0.05, 0.3, new LawShape(1e9, 1.5, 1e-6, 1));

    /** Exact pilot means from a law at n = 50..1600 and p2 ∈ {0, 0.2, 0.5}, each with a 0.5% standard error. */
    static PilotSet exactPilots(LawParameters truth) {
        List<Pilot> p = new ArrayList<>();
        for (long n : new long[] {50, 100, 200, 400, 800, 1600}) {
            for (double p2 : new double[] {0, 0.2, 0.5}) {
                double e = CollapseLaw.predict(truth, n, p2, 1);
                p.add(new Pilot(n, p2, e, 0.005 * e, 1, Double.NaN, null));
            }
        }
        return PilotSet.of(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"saturating", "unbounded"})
    void recoversTheLawThatMadeThePilots(String kind) {
        LawParameters truth = kind.equals("saturating") ? SATURATING : UNBOUNDED;
        LawSelection.Selection sel = LawSelection.select(exactPilots(truth));
        LawFit fit = sel.best();
        assertThat(fit.model().name()).startsWith(kind);
        assertThat(fit.chi2()).as("χ² of exact pilots").isLessThan(1);
        assertThat(fit.converged()).isTrue();
        for (double p2 : new double[] {0, 0.2, 0.5}) {
            double want = CollapseLaw.predict(truth, 16_000, p2, 1);
            assertThat(fit.predict(16_000, p2, 1))
                    .as("forecast at 10× the largest pilot, p2 = %s", p2)
                    .isCloseTo(want, within(0.01 * want));
        }
        assertThat(fit.parameters().gap()).isCloseTo(truth.gap(), within(0.05 * truth.gap()));
    }

    @Test
    void needsMoreMixesThanParametersWithoutReplicates() {
        List<Pilot> p = new ArrayList<>();
        for (long n : new long[] {100, 200, 400}) {
            p.add(Pilot.of(n, 0, 1.0 / Math.sqrt(n)));
            p.add(Pilot.of(n, 0.5, 1.0 / Math.sqrt(n) + 0.1));
        }
        assertThatThrownBy(() -> LawSelection.select(PilotSet.of(p)))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("6 distinct mixes")
                .hasMessageContaining("parameters");
    }
}
