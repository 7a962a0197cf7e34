package org.collapselab.nn.pilots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** {@link PilotPlan#choose}: a pure function of the data's shape, a probe time and the budget (nothing is timed). */
class PilotPlanTest {
    @Test
    void anAmpleBudgetGetsTheRichestGrid() {
        PilotPlan p = PilotPlan.choose(10, 900, 600, 0.001, 720, 60);
        assertThat(p.sizes()).containsExactly(50L, 90L, 150L, 250L, 430L, 720L);
        assertThat(p.shares()).containsExactly(0.0, 0.1, 0.3, 0.5);
        assertThat(p.seeds()).isEqualTo(3);
        assertThat(p.runs()).isEqualTo(72);
        double expected = 0;
        for (long n : p.sizes()) {
            expected += 12 * (0.001 * n / 720 + PilotPlan.OVERHEAD_SECONDS);
        }
        assertThat(p.predictedSeconds()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void everyChosenGridFitsItsBudgetAndItsData() {
        int[][] shapes = {{10, 900, 600}, {3, 250, 30}, {40, 5000, 200}, {1, 100_000, 100_000}};
        double[] probes = {1e-4, 0.01, 0.3, 3, 30};
        double[] budgets = {1, 4, 30, 300, 3600, 86_400};
        int chosen = 0;
        int refused = 0;
        for (int[] s : shapes) {
            long top = PilotPlan.largest(s[1]);
            for (double probe : probes) {
                for (double budget : budgets) {
                    PilotPlan p;
                    try {
                        p = PilotPlan.choose(s[0], s[1], s[2], probe, top, budget);
                    } catch (ParameterException e) {
                        refused++;
                        assertThat(e.field()).isEqualTo("--budget");
                        double min = Double.parseDouble(e.allowed().split(" ")[2]);
                        assertThat(min).as(e.getMessage()).isGreaterThan(budget);
                        PilotPlan atMin = PilotPlan.choose(s[0], s[1], s[2], probe, top, min);
                        assertThat(atMin.runs())
                                .as("the minimum named is enough")
                                .isEqualTo(12);
                        continue;
                    }
                    chosen++;
                    assertThat(p.predictedSeconds())
                            .as("%s %s %s", List.of(s), probe, budget)
                            .isLessThanOrEqualTo(budget);
                    assertThat(p.predictedSeconds())
                            .isCloseTo(
                                    PilotPlan.predict(p.sizes(), p.shares().size(), p.seeds(), probe, top),
                                    within(1e-9));
                    assertThat(p.sizes()).hasSizeBetween(3, 6).isSorted().doesNotHaveDuplicates();
                    assertThat(p.sizes()).allMatch(n -> n % 10 == 0);
                    assertThat(p.sizes().get(0)).isEqualTo(PilotPlan.smallest(s[0]));
                    long hi = p.sizes().get(p.sizes().size() - 1);
                    assertThat(hi).isLessThanOrEqualTo((long) (0.8 * s[1]));
                    assertThat(p.shares().get(0)).isZero();
                    assertThat(p.shares()).hasSizeBetween(2, 4).isSorted();
                    assertThat(p.shares()).allMatch(x -> x * hi <= s[2], "filled by the synthetic rows");
                    assertThat(p.seeds()).isBetween(2, 3);
                }
            }
        }
        assertThat(chosen).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void aTightBudgetShrinksToTheMinimalGridAtTheFloorSize() {
        // minimal grid: n = 50, 100, 200 × {0, 0.5} × 2 seeds = 4 × (10·350/720 + 3 × 0.01) = 19.56 s
        PilotPlan p = PilotPlan.choose(10, 900, 600, 10, 720, 19.6);
        assertThat(p.sizes()).containsExactly(50L, 100L, 200L);
        assertThat(p.shares()).containsExactly(0.0, 0.5);
        assertThat(p.seeds()).isEqualTo(2);
        assertThat(p.predictedSeconds()).isCloseTo(4 * (10.0 * 350 / 720 + 0.03), within(1e-9));
    }

    @Test
    void aBudgetBelowTheMinimalGridIsRefusedWithTheMinimum() {
        assertThatThrownBy(() -> PilotPlan.choose(10, 900, 600, 10, 720, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessage(
                        "--budget must be at least 19.6 s for this data and learner (the minimal grid: 3 sizes up to "
                                + "n = 200 × 2 shares × 2 seeds, predicted from a probe fit of 10 s at n = 720), got 1");
    }

    @Test
    void sharesTheSyntheticRowsCannotFillAreLeftOut() {
        PilotPlan p = PilotPlan.choose(10, 900, 100, 0.001, 720, 60);
        assertThat(p.shares()).containsExactly(0.0, 0.1);
        assertThat(p.sizes()).hasSize(6).endsWith(720L);
    }

    @Test
    void sizesAreGeometricMultiplesOfTen() {
        assertThat(PilotPlan.sizes(50, 800, 5)).containsExactly(50L, 100L, 200L, 400L, 800L);
        assertThat(PilotPlan.sizes(50, 100, 6)).containsExactly(50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(PilotPlan.smallest(3)).isEqualTo(50);
        assertThat(PilotPlan.smallest(33)).isEqualTo(70);
        assertThat(PilotPlan.largest(999)).isEqualTo(790);
    }
}
