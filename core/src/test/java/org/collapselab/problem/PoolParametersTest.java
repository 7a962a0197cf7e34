package org.collapselab.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** Validation and parsing of {@link Verifier} and {@link SyntheticTeacher}, and their place in {@link Problem}. */
class PoolParametersTest {
    private final Problem base = Problem.ridge(Spectrum.isotropic(10), 100, 0.5, 1, 0.5, 0.01);

    @Test
    void verifierSharesAreProbabilities() {
        assertThatThrownBy(() -> new Verifier(1.5, 1, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessage("badShare must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Verifier(1, Double.NaN, 1)).hasMessage("keepGood must be in [0, 1], got NaN");
        assertThatThrownBy(() -> new Verifier(1, 1, -0.1)).hasMessage("keepBad must be in [0, 1], got -0.1");
        Verifier v = new Verifier(0.3, 0.8, 0.2);
        assertThat(v.badRows(50)).isEqualTo(15);
        assertThat(v.goodRows(50)).isEqualTo(35);
        assertThat(v.expectedKept(50)).isEqualTo(35 * 0.8 + 15 * 0.2);
    }

    @Test
    void teacherFlagFormsParse() {
        assertThat(SyntheticTeacher.parse("ridge:150:1")).isEqualTo(SyntheticTeacher.ridge(150, 1));
        assertThat(SyntheticTeacher.parse("rp:300:50:0.01"))
                .isEqualTo(SyntheticTeacher.randomProjection(300, 50, 0.01));
        assertThat(SyntheticTeacher.parse("none")).isEqualTo(SyntheticTeacher.NONE);
        assertThat(SyntheticTeacher.ridge(150, 1).key()).isEqualTo("ridge:150:1.0");
        for (String bad : new String[] {
            "ridge:0:1", "ridge:150", "rp:100:0:1", "ridge:150:-1", "ridge:1.5:1", "mlp:1:1", "ridge:150:nan"
        }) {
            assertThatThrownBy(() -> SyntheticTeacher.parse(bad))
                    .as(bad)
                    .isInstanceOf(ParameterException.class)
                    .hasMessageStartingWith("syntheticTeacher must be ");
        }
    }

    @Test
    void contradictionsAreRefused() {
        assertThatThrownBy(() -> new Problem(
                        ModelKind.RIDGE,
                        Spectrum.isotropic(10),
                        null,
                        100,
                        0,
                        0.5,
                        0.4,
                        0.5,
                        0.01,
                        0.5,
                        1,
                        Estimator.MIX,
                        null,
                        null,
                        SyntheticTeacher.ridge(50, 0.1)))
                .hasMessage("c2 must be 0 with a synthetic teacher (the teacher's own error sets the shift), got 0.4");
        assertThatThrownBy(() -> base.withVerifier(new Verifier(0.5, 1, 0)).withSources(null, 0.5, 1, Estimator.PRIOR))
                .hasMessageStartingWith("estimator must be mix with a verifier");
    }

    @Test
    void defaultsAreTodaysProblem() {
        assertThat(base.verifier()).isEqualTo(Verifier.NONE);
        assertThat(base.teacher()).isEqualTo(SyntheticTeacher.NONE);
        assertThat(base.withVerifier(Verifier.NONE)).isEqualTo(base);
        assertThat(base.isBaseline()).isTrue();
        assertThat(base.withVerifier(new Verifier(1, 1, 0.5)).isBaseline()).isFalse();
        Problem taught = base.withTeacher(SyntheticTeacher.ridge(50, 0.1));
        assertThat(taught.c2()).isZero();
        assertThat(taught.plainPool()).isFalse();
        assertThat(taught.withLambda(0.2).teacher()).isEqualTo(taught.teacher());
    }
}
