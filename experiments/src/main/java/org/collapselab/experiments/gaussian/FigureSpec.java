package org.collapselab.experiments.gaussian;

import java.util.List;
import java.util.Map;

/**
 * A figure declared in an experiment file.
 *
 * <p>{@code line}: y (a metric) against the swept parameter {@code x}, one curve per value of {@code series}, one
 * panel per value of {@code panels}; theory as lines, simulation as markers with mean ± std error bars.
 *
 * <p>{@code pareto}: for each cell with p2 &gt; 0, x = error of the same cell trained on real data only (p2 = 0), y =
 * error on the mixture; colour = log ψ = log(m/n), marker shape per value of {@code shape}, panel per {@code panels}.
 *
 * @param name file base name (PNG and SVG)
 * @param type line or pareto
 * @param title figure title (panels add their parameter value)
 * @param x swept parameter on the x axis (line)
 * @param metric what is plotted: error, bias, variance, zeta, or deviation (simulation vs theory)
 * @param series parameter whose values make the curves (null: one curve)
 * @param panels parameter whose values make the panels (null: one panel)
 * @param shape parameter whose values make the marker shapes (pareto)
 * @param where values of other swept parameters to hold fixed
 * @param logX log x axis
 * @param logY log y axis
 */
public record FigureSpec(
        String name,
        Type type,
        String title,
        Param x,
        Metric metric,
        Param series,
        Param panels,
        Param shape,
        Map<Param, Object> where,
        boolean logX,
        boolean logY) {
    public FigureSpec {
        where = Map.copyOf(where);
    }

    /** Figure kinds. */
    public enum Type {
        LINE,
        PARETO
    }

    /** Quantities a figure can show. */
    public enum Metric {
        ERROR("test error"),
        BIAS("bias"),
        VARIANCE("variance"),
        ZETA("ζ (synthetic term)"),
        /** (simulated mean − theory) / theory with ± 2 standard errors: where the (Gaussian) theory holds. */
        DEVIATION("(simulation − theory) / theory, ± 2 standard errors");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Metric names for error messages. */
        public static List<String> names() {
            return List.of("error", "bias", "variance", "zeta", "deviation");
        }
    }
}
