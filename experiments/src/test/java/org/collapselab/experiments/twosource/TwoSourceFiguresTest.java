package org.collapselab.experiments.twosource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoSourceFiguresTest {
    private static final TwoSourceFigures.Setting SETTING =
            new TwoSourceFigures.Setting(Spectrum.isotropic(20), null, 0.5, 1.0, 0.5, 0.5, 0);

    @Test
    void alphaPanelMarksTheOptimumOnEachLineAndItMovesToZero(@TempDir Path dir) throws Exception {
        double[] alphas = {0, 0.1, 0.2, 0.4, 0.6, 0.8};
        long[] ns = {60, 600, 6000};
        List<TwoSourceFigures.SimPoint> sims = new java.util.ArrayList<>();
        for (long n : ns) {
            sims.add(TwoSourceFigures.simulate(SETTING, n, 0.2, 40, 5 + n, 2));
        }
        LinePlot p = TwoSourceFigures.alphaPanel(SETTING, ns, alphas, sims);
        assertThat(p.series()).hasSize(9);
        double previous = 1;
        for (int i = 0; i < 3; i++) {
            PlotSeries line = p.series().get(3 * i);
            PlotSeries star = p.series().get(3 * i + 1);
            PlotSeries sim = p.series().get(3 * i + 2);
            assertThat(line.line()).isTrue();
            // α* lies below every drawn theory point of its line, and decreases with n.
            for (double e : line.y()) {
                assertThat(star.y()[0]).isLessThanOrEqualTo(e * (1 + 1e-12));
            }
            assertThat(star.x()[0]).isLessThan(previous);
            previous = star.x()[0];
            // The simulated point at α = 0.2 is near the theory line (loose: 40 runs, d = 20).
            double theory = line.y()[2];
            assertThat(sims.get(i).theory()).isEqualTo(theory);
            assertThat(Math.abs(sim.y()[0] - theory))
                    .isLessThan(4 * sims.get(i).sim().stderr() + 0.05 * theory);
        }
        List<Path> files = FigureWriter.write(dir, "alpha", List.of(p));
        assertThat(Files.size(files.get(0))).isPositive();
    }

    @Test
    void strategiesPanelHasFiveCurvesWithTheNaiveMixOnAPlateau() {
        LinePlot p = TwoSourceFigures.strategiesPanel(SETTING, new long[] {100, 1000, 100_000});
        assertThat(p.series())
                .extracting(PlotSeries::name)
                .containsExactly(
                        "real only",
                        "naive mix (A = 1)",
                        "optimally weighted mix",
                        "prior (toward w2)",
                        "best subset (A = 1)");
        double[] naive = p.series().get(1).y();
        double[] weighted = p.series().get(2).y();
        // Naive mixing keeps ≈ p2²c² = 0.25 (λ tuned caps it below ‖w1‖² = 1); the weighted mix goes to 0.
        assertThat(naive[2]).isGreaterThan(0.2);
        assertThat(weighted[2]).isLessThan(0.01);
    }
}
