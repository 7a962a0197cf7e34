package org.collapselab.experiments.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesPngAndSvgWithPanelsSideBySide() throws Exception {
        double[] x = {10, 100, 1000, 10000};
        LinePlot a = new LinePlot(
                "log-log",
                "n",
                "error",
                true,
                true,
                List.of(
                        PlotSeries.line("theory", x, new double[] {1, 0.3, 0.1, 0.09}, null),
                        PlotSeries.markers(
                                "simulation",
                                x,
                                new double[] {1.1, 0.28, 0.11, 0.088},
                                new double[] {0.2, 0.5, 0.01, 0.001},
                                null)));
        LinePlot b = new LinePlot(
                "linear",
                "m",
                "error",
                false,
                false,
                List.of(PlotSeries.markers(
                        "sim", new double[] {1, 2, 3}, new double[] {3, Double.NaN, 1}, null, null)));
        List<Path> out = FigureWriter.write(dir, "fig", List.of(a, b));
        assertThat(out).containsExactly(dir.resolve("fig.png"), dir.resolve("fig.svg"));
        BufferedImage img = ImageIO.read(out.get(0).toFile());
        assertThat(img.getWidth()).isEqualTo(2 * 2 * FigureWriter.PANEL_WIDTH);
        assertThat(img.getHeight()).isEqualTo(2 * FigureWriter.PANEL_HEIGHT);
        String svg = Files.readString(out.get(1));
        assertThat(svg).contains("<svg").contains("log-log").contains("linear").contains("simulation");
    }

    @Test
    void colourScatterHasAColourBar() throws Exception {
        ColorScatterPlot p = new ColorScatterPlot(
                "pareto",
                "real only",
                "mixture",
                true,
                true,
                "log ψ",
                Double.NaN,
                Double.NaN,
                List.of(new ScatterPoints(
                        "c² = 0.1", new double[] {0.1, 0.2}, new double[] {0.2, 0.3}, new double[] {-2, 1})),
                List.of(PlotSeries.line("y = x", new double[] {0.1, 1}, new double[] {0.1, 1}, null)));
        List<Path> out = FigureWriter.writePanels(dir, "pareto", List.of(p));
        assertThat(Files.size(out.get(0))).isGreaterThan(5_000);
        assertThat(Files.readString(out.get(1))).contains("<svg").contains("c² = 0.1");
    }
}
