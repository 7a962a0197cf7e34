package org.collapselab.experiments.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.forecast.GaussianCheck;

/**
 * The {@code kind: forecast} family: the collapse law fitted to simulated Gaussian pilots and its forecasts at 10×
 * the largest pilot checked against the exact theory ({@link GaussianCheck}), one cell per (spectrum, pilot set) so
 * that an interrupted check resumes.
 */
public final class ForecastFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "forecast",
            "The forecast checked where the truth is known: ridge on "
                    + "Gaussian data, pilots at n <= 8d, forecasts at n = 80d against the exact theory; one cell per pilot set.",
            List.of(
                    Field.integer("sets", 1, 100_000, "30", "independently simulated pilot sets per spectrum"),
                    Field.integer("seeds", 2, 1000, "20", "runs per pilot mix (n, p2)"),
                    Field.integer("bootstrap", 0, 100_000, "60", "bootstrap replicates per fit (0: no intervals)"),
                    Field.integer("d", 8, 10_000, "100", "dimension"),
                    Field.numbers("exponents", 0, 4, "[0, 1]", "spectrum exponents α (s_i = i^-α; 0 is isotropic)"),
                    Field.number("sigma", 0, 100, "0.5", "label noise σ"),
                    Field.number("c2", 0, 100, "0.3", "synthetic gap c²"),
                    Field.number("lambda", 0, 100, "0.01", "ridge λ of the learner (> 0)"),
                    Field.choice(
                            "floor",
                            "fitted, known",
                            "fitted",
                            "fitted: the pilots decide (forecast's default); known: the floor held at 0 (the error is an excess "
                                    + "risk, as with forecast --floor 0)"),
                    Field.integer("seed", 0, Long.MAX_VALUE / 2, "100", "pilot set r draws its runs from seed + r")));

    @Override
    public String kind() {
        return "forecast";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        String description = r.has("description") ? f.text(r, "description", "description", false) : "";
        int sets = SCHEMA.integer(f, r, "sets");
        int seeds = SCHEMA.integer(f, r, "seeds");
        int bootstrap = SCHEMA.integer(f, r, "bootstrap");
        if (bootstrap > 0 && bootstrap < 20) {
            f.error("bootstrap", r.path("bootstrap"), "0 or an integer in [20, 100000]");
        }
        int d = SCHEMA.integer(f, r, "d");
        List<Double> exponents =
                r.has("exponents") ? f.realList(r.path("exponents"), "exponents", 0, 4) : List.of(0.0, 1.0);
        double sigma = f.real(r, "sigma", "sigma", 0, 100, 0.5, true);
        double c2 = f.real(r, "c2", "c2", 0, 100, 0.3, true);
        double lambda = f.real(r, "lambda", "lambda", 0, 100, 0.01, false);
        long seed = SCHEMA.longValue(f, r, "seed");
        String floor = r.has("floor") ? f.text(r, "floor", "floor", false) : "fitted";
        if (floor != null && !floor.equals("known") && !floor.equals("fitted")) {
            f.error("floor", r.path("floor"), "one of known, fitted");
        }
        if (!f.ok()) {
            return null;
        }
        List<GaussianCheck.Setting> settings = exponents.stream()
                .map(a -> new GaussianCheck.Setting(d, a, sigma, c2, lambda, seeds))
                .toList();
        return new ForecastStudy(name, description, settings, sets, bootstrap, floor.equals("fitted"), seed);
    }
}
