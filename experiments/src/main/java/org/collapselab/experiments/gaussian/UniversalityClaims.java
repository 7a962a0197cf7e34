package org.collapselab.experiments.gaussian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.collapselab.data.FeatureLaw;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;

/**
 * The universality claims of a study that sweeps {@code features} ({@code studies/universality.yaml}). Per cell, the
 * relative deviation of the simulated error from the Gaussian theory, (sim − theory)/theory ± {@link #INTERVAL_Z}
 * standard errors, is judged against ±{@link #TOLERANCE}: the theory holds there when the whole interval lies inside,
 * breaks when it lies wholly outside, and the cell is inconclusive otherwise. The tolerance allows for the theory's
 * finite-size corrections (it is exact as d → ∞; Gaussian features at d = 100 deviate by a few percent). Claims:
 * light-tailed laws hold in every cell; so does Student t with a finite fourth moment (ν &gt; {@link #HEAVY_NU});
 * every Student t with ν ≤ {@link #HEAVY_NU} breaks in at least one cell.
 */
public final class UniversalityClaims {
    /** Largest relative deviation from the theory (both interval ends) for "the theory holds". */
    public static final Threshold TOLERANCE =
            new Threshold("TOLERANCE", 0.05, "largest |sim − theory| / theory, interval ends");
    /** Standard errors on either side of the relative deviation. */
    public static final Threshold INTERVAL_Z = new Threshold("INTERVAL_Z", 2, "standard errors of the intervals");
    /** Student ν at or below which the fourth moment is infinite (the laws claimed to break the theory). */
    public static final Threshold HEAVY_NU = new Threshold("HEAVY_NU", 4, "largest Student ν with infinite E u⁴");

    private UniversalityClaims() {}

    /** The claims, judged on the results of every cell that has theory and simulation. */
    public static List<Claim> of(List<GaussianResult> results) {
        List<Claim> out = new ArrayList<>();
        out.add(holds(
                "the Gaussian theory predicts the error for light-tailed features (Gaussian, Rademacher, uniform)",
                results,
                l -> l.kind() != FeatureLaw.Kind.STUDENT));
        out.add(holds(
                "it still does for Student t with a finite fourth moment (ν > 4)",
                results,
                l -> l.kind() == FeatureLaw.Kind.STUDENT && l.nu() > HEAVY_NU.value()));
        Map<String, List<GaussianResult>> heavy = byLaw(results, UniversalityClaims::heavy);
        List<Verdict> laws = new ArrayList<>();
        for (List<GaussianResult> rs : heavy.values()) {
            List<Verdict> cells = rs.stream().map(UniversalityClaims::cell).toList();
            // a law breaks the theory when some cell's interval lies outside the band; it follows it when all lie
            // inside
            laws.add(Verdicts.not(Verdicts.every(cells)));
        }
        out.add(new Claim(
                "it breaks for Student t with ν ≤ 4 (infinite fourth moment): for each such law some cell's "
                        + "interval lies outside the band",
                describe(heavy),
                Verdicts.every(laws),
                HEAVY_NU,
                TOLERANCE,
                INTERVAL_Z));
        return out;
    }

    /** One cell: SUPPORTED when the theory holds there, CONTRADICTED when it breaks, else INCONCLUSIVE. */
    static Verdict cell(GaussianResult r) {
        return Verdicts.near(interval(r), 0, TOLERANCE);
    }

    private static boolean heavy(FeatureLaw l) {
        return l.kind() == FeatureLaw.Kind.STUDENT && l.nu() <= HEAVY_NU.value();
    }

    private static Claim holds(String claim, List<GaussianResult> results, Predicate<FeatureLaw> laws) {
        Map<String, List<GaussianResult>> byLaw = byLaw(results, laws);
        List<Verdict> cells = byLaw.values().stream()
                .flatMap(List::stream)
                .map(UniversalityClaims::cell)
                .toList();
        return new Claim(claim, describe(byLaw), Verdicts.every(cells), TOLERANCE, INTERVAL_Z);
    }

    /** (sim − theory)/theory ± INTERVAL_Z standard errors. */
    static Interval interval(GaussianResult r) {
        return Interval.around(r.relativeDeviation(), r.relativeStderr(), INTERVAL_Z.value());
    }

    private static double z(GaussianResult r) {
        return r.relativeDeviation() / r.relativeStderr();
    }

    /** Cells with theory and simulation whose law passes {@code laws}, grouped by law in study order. */
    private static Map<String, List<GaussianResult>> byLaw(List<GaussianResult> results, Predicate<FeatureLaw> laws) {
        Map<String, List<GaussianResult>> out = new LinkedHashMap<>();
        for (GaussianResult r : results) {
            if (Double.isFinite(r.relativeDeviation())
                    && r.relativeStderr() > 0
                    && laws.test(r.cell().law())) {
                out.computeIfAbsent(r.cell().features(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /** Per law: each cell's deviation and interval in percent, and the largest |z|. */
    private static String describe(Map<String, List<GaussianResult>> byLaw) {
        if (byLaw.isEmpty()) {
            return "no cell of these laws with theory and simulation";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<GaussianResult>> e : byLaw.entrySet()) {
            List<String> cells = new ArrayList<>();
            double maxZ = 0;
            for (GaussianResult r : e.getValue()) {
                Interval i = interval(r);
                cells.add(String.format(
                        Locale.ROOT,
                        "%s n=%d %+.1f%% [%+.1f, %+.1f]",
                        r.cell().model().key(),
                        r.cell().n(),
                        100 * i.estimate(),
                        100 * i.low(),
                        100 * i.high()));
                maxZ = Math.max(maxZ, Math.abs(z(r)));
            }
            parts.add(String.format(
                    Locale.ROOT,
                    "%s: %s (max |z| %.1f, %d runs)",
                    e.getKey(),
                    String.join("; ", cells),
                    maxZ,
                    e.getValue().get(0).simulation().runs().length));
        }
        return String.join(". ", parts);
    }
}
