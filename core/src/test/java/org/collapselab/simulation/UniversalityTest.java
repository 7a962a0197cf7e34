package org.collapselab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.collapselab.data.FeatureLaw;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;

/**
 * Universality of the Gaussian theory (ridge, d = 100, n = 200, p2 = 0.2, 200 runs per law): Rademacher and uniform
 * coordinates agree with it as Gaussian ones do; Student t with ν = 2.5 (infinite fourth moment) does not — the error
 * is well above the theory.
 */
class UniversalityTest {
    @Test
    void lightTailedLawsFollowTheGaussianTheoryAndHeavyTailsBreakIt() {
        Problem p = Problem.ridge(Spectrum.isotropic(100), 200, 0.2, 1, 0.5, 1e-2);
        List<Universality.Row> rows = Universality.compare(
                p,
                List.of(
                        FeatureLaw.GAUSSIAN,
                        FeatureLaw.parse("rademacher"),
                        FeatureLaw.parse("uniform"),
                        FeatureLaw.parse("student:2.5")),
                200,
                5,
                2);
        for (Universality.Row r : rows.subList(0, 3)) {
            Agreement.assertAgrees(r.theory(), r.simulation());
        }
        Universality.Row heavy = rows.get(3);
        assertThat(heavy.z()).as("Student 2.5: z").isGreaterThan(5);
        assertThat(heavy.relativeGap())
                .as("Student 2.5: relative excess over theory")
                .isGreaterThan(0.1);
    }
}
