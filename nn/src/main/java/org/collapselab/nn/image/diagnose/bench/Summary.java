package org.collapselab.nn.image.diagnose.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.nn.image.diagnose.bench.RealBench.Run;

/** The bench table: per scenario, geometric means over its splits; then the acceptance figures. */
final class Summary {
    private Summary() {}

    static String table(List<Run> runs) {
        Map<String, List<Run>> by = new LinkedHashMap<>();
        for (Run r : runs) {
            by.computeIfAbsent(r.scenario(), k -> new java.util.ArrayList<>()).add(r);
        }
        StringBuilder b = new StringBuilder();
        b.append(
                "| scenario | n1 | d | recipe / grid best | recipe / grid chosen on other half | vs CV real-only | vs CV practitioner | vs all synthetic |"
                        + " verify then train / recipe (share kept) | prediction error (each split) |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        double logAll = 0;
        double logHonest = 0;
        double worst = 0;
        int within = 0;
        for (var e : by.entrySet()) {
            List<Run> rs = e.getValue();
            double g = geo(rs, r -> r.ratio());
            logAll += Math.log(g);
            logHonest += Math.log(geo(rs, r -> r.recommended() / r.gridHonest()));
            worst = Math.max(worst, g);
            StringBuilder pred = new StringBuilder();
            for (Run r : rs) {
                double rel = r.predicted() / r.recommended() - 1;
                within += Math.abs(rel) <= 0.15 ? 1 : 0;
                pred.append(String.format(Locale.ROOT, "%+.0f%% ", 100 * rel));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f (%.0f%%) | %s|%n",
                    e.getKey(),
                    rs.get(0).n1(),
                    rs.get(0).d(),
                    g,
                    geo(rs, r -> r.recommended() / r.gridHonest()),
                    geo(rs, r -> r.recommended() / r.realOnly()),
                    geo(rs, r -> r.recommended() / r.practitioner()),
                    geo(rs, r -> r.recommended() / r.allSynthetic()),
                    geo(rs, r -> r.verified() / r.recommended()),
                    100 * rs.stream().mapToDouble(Run::keptShare).average().orElse(Double.NaN),
                    pred));
        }
        b.append(String.format(
                Locale.ROOT,
                "%nrecipe/grid: geometric mean %.3f over %d scenarios, worst scenario %.3f; "
                        + "recipe/grid chosen on the other half: geometric mean %.3f; prediction within 15%%: %d of %d runs%n",
                Math.exp(logAll / by.size()),
                by.size(),
                worst,
                Math.exp(logHonest / by.size()),
                within,
                runs.size()));
        return b.toString();
    }

    /**
     * {geometric mean of recipe/grid over scenarios, worst scenario's, worst scenario's recipe/real-only, geometric
     * mean of recipe/practitioner over scenarios with n1 &lt; 3d, share of runs predicted within 15%}.
     */
    static double[] figures(List<Run> runs) {
        Map<String, List<Run>> by = new LinkedHashMap<>();
        for (Run r : runs) {
            by.computeIfAbsent(r.scenario(), k -> new java.util.ArrayList<>()).add(r);
        }
        double log = 0;
        double worst = 0;
        double worstReal = 0;
        double logPract = 0;
        int scarce = 0;
        for (List<Run> rs : by.values()) {
            double g = geo(rs, Run::ratio);
            log += Math.log(g);
            worst = Math.max(worst, g);
            worstReal = Math.max(worstReal, geo(rs, r -> r.recommended() / r.realOnly()));
            if (rs.get(0).n1() < 3 * rs.get(0).d()) {
                logPract += Math.log(geo(rs, r -> r.recommended() / r.practitioner()));
                scarce++;
            }
        }
        int within = 0;
        for (Run r : runs) {
            within += Math.abs(r.predicted() / r.recommended() - 1) <= 0.15 ? 1 : 0;
        }
        return new double[] {
            Math.exp(log / by.size()),
            worst,
            worstReal,
            Math.exp(logPract / Math.max(1, scarce)),
            (double) within / runs.size()
        };
    }

    /** Number of scenarios among the runs. */
    static int scenarios(List<Run> runs) {
        return (int) runs.stream().map(Run::scenario).distinct().count();
    }

    private static double geo(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
        double s = 0;
        for (Run r : rs) {
            s += Math.log(f.applyAsDouble(r));
        }
        return Math.exp(s / rs.size());
    }
}
