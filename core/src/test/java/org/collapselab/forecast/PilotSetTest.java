package org.collapselab.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** Grouping of pilot runs and the noise models. */
class PilotSetTest {

    private static Pilot run(long n, double p2, double e) {
        return Pilot.of(n, p2, e);
    }

    @Test
    void combinesStandardErrorsByInverseVariance() {
        List<Pilot> p = new ArrayList<>();
        for (long n : new long[] {100, 200, 400}) {
            p.add(new Pilot(n, 0, 1.0, 0.1, 1, Double.NaN, 1L));
            p.add(new Pilot(n, 0, 2.0, 0.2, 1, Double.NaN, 2L));
            p.add(new Pilot(n, 0.5, 3.0, 0.3, 1, Double.NaN, 1L));
        }
        PilotSet s = PilotSet.of(p);
        assertThat(s.noise()).isEqualTo(PilotSet.NoiseModel.STDERR);
        PilotGroup g = s.groups().get(0);
        assertThat(g.n()).isEqualTo(100);
        assertThat(g.p2()).isZero();
        // weights 100 and 25: mean (100·1 + 25·2)/125 = 1.2, se = 1/√125
        assertThat(g.mean()).isCloseTo(1.2, within(1e-12));
        assertThat(g.stderr()).isCloseTo(1 / Math.sqrt(125), within(1e-12));
        assertThat(s.groups()).hasSize(6);
    }

    @Test
    void shrinksReplicateVariancesTowardsThePooledRelativeScatter() {
        List<Pilot> p = new ArrayList<>();
        double[][] errs = {{1.0, 1.2}, {2.0, 2.0}, {4.0, 5.0}};
        long[] ns = {100, 200, 400};
        for (int i = 0; i < 3; i++) {
            for (double e : errs[i]) {
                p.add(run(ns[i], 0.2, e));
            }
        }
        PilotSet s = PilotSet.of(p);
        assertThat(s.noise()).isEqualTo(PilotSet.NoiseModel.REPLICATES);
        // pooled CV²: each group has 1 dof: ((0.1414/1.1)² + 0 + (0.7071/4.5)²)/3
        double cv1 = Math.sqrt(0.02) / 1.1;
        double cv3 = Math.sqrt(0.5) / 4.5;
        double tau2 = (cv1 * cv1 + cv3 * cv3) / 3;
        assertThat(s.relativeScatter()).isCloseTo(Math.sqrt(tau2), within(1e-12));
        // the group with identical runs keeps a positive standard error: (4·τ²·2² + 0)/5 per run, over 2 runs
        PilotGroup same = s.groups().get(1);
        assertThat(same.stderr()).isCloseTo(Math.sqrt(4 * tau2 * 4 / 5 / 2), within(1e-12));
    }

    @Test
    void withoutReplicatesTheScatterIsLeftToTheFit() {
        List<Pilot> p = List.of(run(100, 0, 1), run(200, 0, 0.8), run(400, 0.3, 0.7));
        PilotSet s = PilotSet.of(p);
        assertThat(s.noise()).isEqualTo(PilotSet.NoiseModel.RESIDUAL);
        assertThat(s.groups().get(1).stderr()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void keepsOnlyTheLargestModelSize() {
        List<Pilot> p = new ArrayList<>();
        for (long n : new long[] {100, 200, 400}) {
            p.add(new Pilot(n, 0.1, 1, Double.NaN, 1, 64, null));
            p.add(new Pilot(n, 0.1, 2, Double.NaN, 1, 128, null));
        }
        PilotSet s = PilotSet.of(p);
        assertThat(s.droppedRuns()).isEqualTo(3);
        assertThat(s.modelSize()).isEqualTo(128);
        assertThat(s.groups()).allSatisfy(g -> assertThat(g.mean()).isEqualTo(2));
    }

    @Test
    void rejectsSetsTheLawCannotBeFittedTo() {
        assertThatThrownBy(() -> PilotSet.of(List.of(run(100, 0.1, 1), run(200, 0.1, 1))))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("at least 3 distinct training sizes");
        assertThatThrownBy(() -> PilotSet.of(List.of(run(100, 0, 1), run(200, 0, 1), run(300, 0, 1))))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("p2 > 0");
        assertThatThrownBy(() -> PilotSet.of(
                        List.of(new Pilot(100, 0, 1, 0.1, 1, Double.NaN, null), run(200, 0.1, 1), run(300, 0, 1))))
                .isInstanceOf(ParameterException.class)
                .hasMessage("stderr must be given for every run or for none, got 1 of 3 runs");
    }
}
