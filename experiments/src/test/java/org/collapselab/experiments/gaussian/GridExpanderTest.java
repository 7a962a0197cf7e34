package org.collapselab.experiments.gaussian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GridExpanderTest {
    private static Experiment parse(String sweep) {
        return ExperimentLoader.parse(
                "g.yaml", "name: g\nruns: 2\nseed: 3\nfixed: {d: 10, sigma: 1}\nsweep:\n" + sweep, false);
    }

    @Test
    void cartesianProductOfListsLinspaceAndLogspace() {
        Experiment e = parse("""
          n: {logspace: [10, 1000, 3]}
          p2: {from: 0.1, to: 0.3, num: 3}
          c2: [1, 2]
        """);
        assertThat(e.values().get(Param.N)).containsExactly(10L, 100L, 1000L);
        assertThat(e.values().get(Param.P2)).containsExactly(0.1, 0.2, 0.3);
        List<GaussianCell> cells = GridExpander.expand(e);
        assertThat(cells).hasSize(18);
        assertThat(GridExpander.rawSize(e)).isEqualTo(18);
        // last swept parameter varies fastest
        assertThat(cells.get(0).c2()).isEqualTo(1.0);
        assertThat(cells.get(1).c2()).isEqualTo(2.0);
        assertThat(cells.get(1).p2()).isEqualTo(0.1);
        assertThat(cells.stream().map(GaussianCell::key).distinct()).hasSize(18);
    }

    @Test
    void logRangesOfIntegersAreRoundedAndDeduplicated() {
        Experiment e = parse("  n: {from: 1, to: 4, num: 10, scale: log}\n  p2: [0.5]\n  c2: [1]\n");
        assertThat(e.values().get(Param.N)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void equivalentPointsShareOneCell() {
        // p2 = 0 makes c2 irrelevant: one baseline cell, not one per c2.
        Experiment e = parse("  n: [50]\n  p2: [0, 0.5]\n  c2: [1, 2, 3]\n");
        assertThat(GridExpander.rawSize(e)).isEqualTo(6);
        assertThat(GridExpander.expand(e)).hasSize(4);
    }

    @Test
    void seedsDependOnTheCellNotOnItsPositionInTheGrid() {
        Experiment small = parse("  n: [50, 100]\n  p2: [0.5]\n  c2: [1]\n");
        Experiment big = parse("  n: [20, 50, 70, 100]\n  p2: [0.2, 0.5]\n  c2: [1]\n");
        Map<Integer, GaussianCell> byN = GridExpander.expand(big).stream()
                .filter(c -> c.p2() == 0.5)
                .collect(Collectors.toMap(GaussianCell::n, Function.identity()));
        for (GaussianCell c : GridExpander.expand(small)) {
            assertThat(byN.get(c.n()).seed()).isEqualTo(c.seed());
            assertThat(byN.get(c.n()).key()).isEqualTo(c.key());
        }
        List<GaussianCell> cells = GridExpander.expand(small);
        assertThat(cells.get(0).seed()).isNotEqualTo(cells.get(1).seed());
    }

    @Test
    void sweepingSeedsGivesReplicateCells() {
        Experiment e = ExperimentLoader.parse(
                "s.yaml", "name: s\nfixed: {d: 10, n: 40, p2: 0.2, c2: 1}\nsweep: {seed: [1, 2, 3]}\n", false);
        List<GaussianCell> cells = GridExpander.expand(e);
        assertThat(cells).hasSize(3);
        assertThat(cells.stream().map(GaussianCell::seed).distinct()).hasSize(3);
    }
}
