package org.collapselab.experiments.twosource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.advice.Mitigation;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.theory.ScalarMinimum;

/**
 * The claims about the paper's weighted mixing, checked by the exact theory ({@link Mitigation}) and,
 * for the agreement claim, by the simulated points: α* → 0 as n grows; a fixed α &gt; 0 keeps a plateau (exactly α²c²
 * when Σ2 = Σ1, the population plateau under covariate shift); whether the transcribed first-order formula is
 * consistent with the exact theory; theory within 3 standard errors of simulation.
 */
public final class TwoSourceClaims {
    /** α* at the largest n must be below this. */
    public static final Threshold ALPHA_STAR_LIMIT =
            new Threshold("ALPHA_STAR_LIMIT", 0.05, "largest α* allowed at the largest n");
    /** E(n) − plateau at the largest n, relative to the plateau. */
    public static final Threshold PLATEAU_GAP =
            new Threshold("PLATEAU_GAP", 0.01, "largest relative distance to the plateau at the largest n");
    /** |transcribed − exact| relative to the exact error at the largest n. */
    public static final Threshold FIRST_ORDER_TOLERANCE = new Threshold(
            "FIRST_ORDER_TOLERANCE", 0.05, "largest relative deviation of the first-order formula at the largest n");
    /** Simulation agreement: |z| below this. */
    public static final Threshold Z_LIMIT = new Threshold("Z_LIMIT", 3, "largest |sim − theory|/standard error");
    /** Share of simulated points that must agree. */
    public static final Threshold AGREE_SHARE = new Threshold("AGREE_SHARE", 0.9, "share of points with |z| < Z_LIMIT");
    /** Below this share the agreement claim is contradicted. */
    public static final Threshold DISAGREE_SHARE =
            new Threshold("DISAGREE_SHARE", 0.7, "share of agreeing points below which the claim is contradicted");

    private TwoSourceClaims() {}

    /**
     * The theory claims for a setting at the given n (ridgeless plateau at weight share {@code alpha}); for random
     * projections only the α* claim (the plateau and first-order formulas are ridge's).
     */
    public static List<Claim> check(TwoSourceFigures.Setting s, long[] ns, double alpha) {
        List<Claim> out = new ArrayList<>();
        StringBuilder m1 = new StringBuilder();
        List<Claim.Verdict> parts = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (long n : ns) {
            ScalarMinimum.Min star = Mitigation.optimalAlpha(
                    s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), s.lambda(), s.width());
            m1.append(fmt("n=%d: α*=%.4f; ", n, star.x()));
            parts.add(Verdicts.holds(star.x() < previous || star.x() == 0));
            previous = star.x();
        }
        parts.add(Verdicts.below(Interval.point(previous), ALPHA_STAR_LIMIT));
        out.add(new Claim(
                "the optimal weight share α* of the synthetic rows decreases to 0 as n grows",
                m1.toString().trim(),
                Verdicts.every(parts),
                ALPHA_STAR_LIMIT));
        if (s.sketched()) {
            return out; // the plateau and the first-order formulas below are ridge's (ridgeless, n → ∞)
        }

        double plateau = Mitigation.plateau(s.real(), s.synthetic(), s.c2(), alpha);
        StringBuilder m2 = new StringBuilder(
                fmt("α=%.2f, α²c²=%.5f, population plateau=%.5f: ", alpha, alpha * alpha * s.c2(), plateau));
        boolean above = true;
        double e = Double.NaN;
        for (long n : ns) {
            e = Mitigation.exact(s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), 0, alpha)
                    .testError();
            above &= e >= plateau;
            m2.append(fmt("n=%d: E=%.5f; ", n, e));
        }
        out.add(new Claim(
                "a fixed α > 0 keeps a plateau (ridgeless, n → ∞): exactly α²c² when Σ2 = Σ1, "
                        + "(c²/d)Σ(αs2/(αs2+(1−α)s1))² under covariate shift; E(n) stays above it",
                m2.toString().trim(),
                Verdicts.every(List.of(
                        Verdicts.holds(above), Verdicts.below(Interval.point((e - plateau) / plateau), PLATEAU_GAP))),
                PLATEAU_GAP));

        long n = ns[ns.length - 1];
        double phi = (double) s.real().dimension() / n;
        StringBuilder m3 = new StringBuilder(fmt("n=%d (φ=%.1e): ", n, phi));
        List<Claim.Verdict> fo = new ArrayList<>();
        for (double a : new double[] {0, 0.1, s.p2(), 0.7}) {
            double exact = Mitigation.exact(s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), 0, a)
                    .testError();
            double transcribed = Mitigation.firstOrderTranscribed(a, s.p2(), s.c2(), s.sigma1(), s.sigma2(), phi);
            double derived = Mitigation.firstOrderDerived(a, s.p2(), s.c2(), s.sigma1(), s.sigma2(), phi);
            m3.append(fmt("α=%.2f exact %.5f, derived %.5f, transcribed %.5f; ", a, exact, derived, transcribed));
            fo.add(Verdicts.below(Interval.point(Math.abs(transcribed - exact) / exact), FIRST_ORDER_TOLERANCE));
        }
        out.add(new Claim(
                "the transcribed first-order formula p2²α²c² + ((1−α)p1σ1² + αp2σ2²)φ matches the exact theory",
                m3.toString().trim(),
                Verdicts.every(fo),
                FIRST_ORDER_TOLERANCE));
        return out;
    }

    /** Theory vs the simulated points of the α figure. */
    public static Claim agreement(List<TwoSourceFigures.SimPoint> points) {
        int ok = 0;
        double worst = 0;
        for (TwoSourceFigures.SimPoint p : points) {
            double z = p.z();
            worst = Math.max(worst, Math.abs(z));
            ok += Math.abs(z) < Z_LIMIT.value() ? 1 : 0;
        }
        return new Claim(
                "the exact two-source theory matches simulation of the weighted mix",
                fmt(
                        "%d of %d points within %.0f standard errors; largest |z| = %.2f",
                        ok, points.size(), Z_LIMIT.value(), worst),
                Verdicts.share(ok, points.size(), AGREE_SHARE, DISAGREE_SHARE),
                Z_LIMIT,
                AGREE_SHARE,
                DISAGREE_SHARE);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
