package org.collapselab.experiments.forecast;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.collapselab.forecast.Estimate;
import org.collapselab.forecast.ForecastResult;

/** The {@code forecast} result as readable text (the command's default output). */
public final class ForecastText {
    private static final String[][] MEANINGS = {
        {"floor", "irreducible error E_floor"},
        {"scale", "learnable signal S"},
        {"noise", "label noise σ²_eff"},
        {"gap", "synthetic gap c²_eff"},
        {"dimension", "effective dimension d_eff"},
        {"exponent", "spectrum exponent α"},
        {"lambda", "implicit regularisation λ_eff"},
        {"shiftExponent", "gap profile γ"}
    };

    private ForecastText() {}

    /** The lines of the report. */
    public static String format(String pilotFile, ForecastResult r) {
        StringBuilder b = new StringBuilder();
        String lvl = String.format(Locale.ROOT, "%.0f%%", 100 * r.level());
        List<ForecastResult.FittedGroup> g = r.groups();
        long runs = g.stream().mapToLong(ForecastResult.FittedGroup::runs).sum();
        StringJoiner shares = new StringJoiner(", ");
        g.stream()
                .mapToDouble(ForecastResult.FittedGroup::p2)
                .distinct()
                .sorted()
                .forEach(p -> shares.add(num(p)));
        line(
                b,
                "pilots %s: %d runs in %d mixes, n %d..%d, p2 %s; noise: %s%s%s",
                pilotFile,
                runs,
                g.size(),
                g.stream().mapToLong(ForecastResult.FittedGroup::n).min().orElse(0),
                g.stream().mapToLong(ForecastResult.FittedGroup::n).max().orElse(0),
                shares,
                r.noise().name().toLowerCase(Locale.ROOT),
                Double.isNaN(r.relativeScatter())
                        ? ""
                        : String.format(Locale.ROOT, " (run-to-run CV %.3g)", r.relativeScatter()),
                r.droppedRuns() > 0 ? "; " + r.droppedRuns() + " runs of smaller model sizes left out" : "");
        StringJoiner cands = new StringJoiner(", ");
        for (ForecastResult.Candidate c : r.candidates()) {
            cands.add(
                    String.format(Locale.ROOT, "%s χ² %.1f/%d%s", c.name(), c.chi2(), c.dof(), c.chosen() ? " *" : ""));
        }
        line(
                b,
                "law: %s (χ² %.2f on %d dof, intervals widened ×%.2f in variance); candidates: %s",
                r.law(),
                r.chi2(),
                r.dof(),
                r.inflation(),
                cands);
        line(
                b,
                "%-34s %12s  %s interval (%d bootstrap replicates%s)",
                "parameter",
                "value",
                lvl,
                r.replicates(),
                r.failedReplicates() > 0 ? ", " + r.failedReplicates() + " failed" : "");
        for (ForecastResult.Parameter p : r.parameters()) {
            line(b, "  %-32s %s", meaning(p.name()), est(p.estimate()));
        }
        ForecastResult.Point f = r.forecast();
        line(
                b,
                "forecast%s at n = %d, p2 = %s%s: %s   per-share power law: %s",
                f.requested() ? "" : " (default point)",
                f.n(),
                num(f.p2()),
                f.weight() != 1 ? ", A = " + num(f.weight()) : "",
                est(f.law()),
                f.baseline() == null ? "not available (share not piloted at 3 sizes)" : est(f.baseline()));
        ForecastResult.Mix m = r.bestMix();
        line(
                b,
                "best mix for %d real rows plus synthetic ones: p2 = %s %s -> error %s; weighted: p2 = %s, A = %s -> %s;"
                        + " real only %s",
                m.realRows(),
                num(m.share().value()),
                bracket(m.share()),
                est(m.shareError()),
                num(m.weightedShare()),
                num(m.weight()),
                est(m.weightedError()),
                est(m.realOnly()));
        Estimate s = r.stopHelping();
        line(
                b,
                "unweighted synthetic rows stop helping from n1 = %s %s real rows",
                s.value() == Double.POSITIVE_INFINITY ? "∞ (they help at every size up to 1e12)" : num(s.value()),
                bracket(s));
        line(b, "%-10s %s", "n", curveHeader(r));
        ForecastResult.Curve first = r.curves().get(0);
        for (int i = 0; i < first.n().length; i += 4) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10d", (long) first.n()[i]));
            for (ForecastResult.Curve c : r.curves()) {
                row.append(String.format(Locale.ROOT, " %-30s", est(c.law()[i])));
            }
            line(b, "%s", row.toString().stripTrailing());
        }
        return b.toString();
    }

    private static String curveHeader(ForecastResult r) {
        StringBuilder h = new StringBuilder();
        for (ForecastResult.Curve c : r.curves()) {
            h.append(String.format(
                    Locale.ROOT, " %-30s", "p2 = " + num(c.p2()) + (c.weight() != 1 ? " A = " + num(c.weight()) : "")));
        }
        return h.toString().stripTrailing();
    }

    private static String meaning(String name) {
        for (String[] m : MEANINGS) {
            if (m[0].equals(name)) {
                return m[1] + " (" + name + ")";
            }
        }
        return name;
    }

    private static String est(Estimate e) {
        return num(e.value()) + " " + bracket(e);
    }

    private static String bracket(Estimate e) {
        return "[" + num(e.low()) + ", " + num(e.high()) + "]";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static void line(StringBuilder b, String fmt, Object... args) {
        b.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }
}
