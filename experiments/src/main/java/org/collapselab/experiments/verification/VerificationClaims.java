package org.collapselab.experiments.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;

/**
 * The claims of the verification study, judged by the shared {@link Verdicts}: theory within 3 standard errors of the
 * simulated points; the plateau (p2,eff)²c² at n → ∞, zero only at ψ = 0; a strong verifier lowers the error below
 * keeping every row at each pool size (simulation, 95% interval of the difference); a weak verifier stops helping
 * beyond a finite kept size while a strong one keeps helping (theory).
 */
final class VerificationClaims {
    /** Simulation agreement: |z| below this. */
    static final Threshold Z_LIMIT = new Threshold("Z_LIMIT", 3, "largest |sim − theory|/standard error");
    /** Share of simulated points that must agree. */
    static final Threshold AGREE_SHARE = new Threshold("AGREE_SHARE", 0.9, "share of points with |z| < Z_LIMIT");
    /** Below this share the agreement claim is contradicted. */
    static final Threshold DISAGREE_SHARE =
            new Threshold("DISAGREE_SHARE", 0.7, "share of agreeing points below which agreement is contradicted");
    /** |E∞/plateau − 1| allowed at n = 10¹² (ψ &gt; 0). */
    static final Threshold PLATEAU_TOLERANCE =
            new Threshold("PLATEAU_TOLERANCE", 0.01, "largest relative distance of E at n = 1e12 to (p2,eff)²c²");
    /** E at n = 10¹² relative to c² below which the plateau is zero (ψ = 0). */
    static final Threshold ZERO_PLATEAU = new Threshold("ZERO_PLATEAU", 1e-6, "E/c² at n = 1e12 counted as no plateau");
    /** The verified error must be lower than the unverified one by more than this (the minimal effect). */
    static final Threshold MIN_GAIN = new Threshold("MIN_GAIN", 0, "smallest error reduction that counts as a gain");
    /** A pool size within this relative distance of the curve's best error has stopped helping. */
    static final Threshold STOP_TOLERANCE = new Threshold(
            "STOP_TOLERANCE", 0.01, "relative distance to the best error at which more rows stop helping");
    /** The strong verifier's error must still fall by more than this share past the weak one's stop size. */
    static final Threshold STRONG_GAIN = new Threshold(
            "STRONG_GAIN", 0.1, "smallest relative fall of the strong verifier's error past the weak one's stop size");

    private VerificationClaims() {}

    static Claim agreement(List<PoolCell.Point> points) {
        int ok = 0;
        double worst = 0;
        for (PoolCell.Point p : points) {
            worst = Math.max(worst, Math.abs(p.z()));
            ok += Math.abs(p.z()) < Z_LIMIT.value() ? 1 : 0;
        }
        return new Claim(
                "the verified-pool theory (kept rows as a two-teacher mixture, averaged over the kept counts) "
                        + "matches simulation",
                fmt("%d of %d points within 3 standard errors; largest |z| = %.2f", ok, points.size(), worst),
                Verdicts.share(ok, points.size(), AGREE_SHARE, DISAGREE_SHARE),
                Z_LIMIT,
                AGREE_SHARE,
                DISAGREE_SHARE);
    }

    /**
     * Ridgeless at n = 10¹² (n1 and the pool scaled together): E → (p2,eff)²c², which is 0 only for ψ = 0 (with λ &gt; 0
     * the limit would carry the ridge bias of the population fit instead).
     */
    static Claim plateau(PoolSpec base, List<Double> keepGood, double[] psis) {
        double scale = 1e12 / (base.n1() + base.pool());
        List<Claim.Verdict> parts = new ArrayList<>();
        StringBuilder m = new StringBuilder();
        for (double phi : keepGood) {
            for (double psi : psis) {
                PoolSpec big = new PoolSpec(
                        base.d(),
                        base.spectrum(),
                        Math.round(base.n1() * scale),
                        Math.round(base.pool() * scale),
                        base.c2(),
                        base.sigma(),
                        0,
                        base.badShare(),
                        phi,
                        psi,
                        base.teacher());
                double e = VerificationFigures.theory(big);
                double plateau = VerificationFigures.plateau(big);
                m.append(fmt("ϕ=%.2f ψ=%.2f: E=%.4g, (p2,eff)²c²=%.4g; ", phi, psi, e, plateau));
                parts.add(
                        psi == 0
                                ? Verdicts.below(Interval.point(e / base.c2()), ZERO_PLATEAU)
                                : Verdicts.below(Interval.point(Math.abs(e / plateau - 1)), PLATEAU_TOLERANCE));
            }
        }
        return new Claim(
                "as n → ∞ (ridgeless) the error of a verified pool tends to (p2,eff)²c², which vanishes only at "
                        + "ψ = 0",
                m.toString().trim(),
                Verdicts.every(parts),
                PLATEAU_TOLERANCE,
                ZERO_PLATEAU);
    }

    /** At each simulated pool: strong verifier minus keeping everything, 95% interval of the difference. */
    static Claim strongPays(List<PoolCell.Point> points, List<Long> pools, double[] strong) {
        List<Claim.Verdict> parts = new ArrayList<>();
        StringBuilder m = new StringBuilder();
        for (long pool : pools) {
            PoolCell.Point v = find(points, pool, strong[0], strong[1]);
            PoolCell.Point u = find(points, pool, 1, 1);
            if (v == null || u == null) {
                continue;
            }
            double diff = v.mean() - u.mean();
            double half = 1.96 * Math.hypot(v.stderr(), u.stderr());
            m.append(fmt(
                    "N=%d: %.4f − %.4f = %.4f [%.4f, %.4f]; ",
                    pool, v.mean(), u.mean(), diff, diff - half, diff + half));
            parts.add(Verdicts.below(new Interval(diff, diff - half, diff + half), MIN_GAIN));
        }
        return new Claim(
                fmt(
                        "a strong verifier (ϕ=%.2f, ψ=%.2f) lowers the error below keeping every generated row",
                        strong[0], strong[1]),
                m.toString().trim(),
                Verdicts.every(parts),
                MIN_GAIN);
    }

    /**
     * By theory over the size grid: the weak verifier's error settles (within {@link #STOP_TOLERANCE} of its best) at a
     * finite pool size N_stop — more generated rows stop helping, the error stays at its plateau — while the strong
     * verifier's error still falls by more than {@link #STRONG_GAIN} from N_stop to the largest pool.
     */
    static Claim weakStops(PoolSpec base, List<Long> pools, double[] weak, double[] strong) {
        double[] e = new double[pools.size()];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < e.length; i++) {
            e[i] = VerificationFigures.theory(base.withPool(pools.get(i)).withKeep(weak[0], weak[1]));
            best = Math.min(best, e[i]);
        }
        int stop = 0;
        while (e[stop] > (1 + STOP_TOLERANCE.value()) * best) {
            stop++;
        }
        int last = e.length - 1;
        double strongStop =
                VerificationFigures.theory(base.withPool(pools.get(stop)).withKeep(strong[0], strong[1]));
        double strongLast =
                VerificationFigures.theory(base.withPool(pools.get(last)).withKeep(strong[0], strong[1]));
        double strongGain = 1 - strongLast / strongStop;
        String m = fmt(
                "weak ϕ=%.2f ψ=%.2f: within %.0f%% of its best from N=%d on (kept ≈ %.0f rows, E=%.4g); at N=%d: "
                        + "E=%.4g (plateau (p2,eff)²c²=%.4g); strong ϕ=%.2f ψ=%.2f: E=%.4g at N=%d, %.4g at N=%d (−%.0f%%); real "
                        + "only %.4g",
                weak[0],
                weak[1],
                100 * STOP_TOLERANCE.value(),
                pools.get(stop),
                keptRows(base, pools.get(stop), weak),
                e[stop],
                pools.get(last),
                e[last],
                VerificationFigures.plateau(base.withPool(pools.get(last)).withKeep(weak[0], weak[1])),
                strong[0],
                strong[1],
                strongStop,
                pools.get(stop),
                strongLast,
                pools.get(last),
                100 * strongGain,
                VerificationFigures.realOnly(base));
        return new Claim(
                "a weak verifier stops helping beyond a finite kept size (more generated rows leave its error at "
                        + "its plateau) while a strong verifier keeps lowering the error",
                m,
                Verdicts.every(
                        List.of(Verdicts.holds(stop < last), Verdicts.above(Interval.point(strongGain), STRONG_GAIN))),
                STOP_TOLERANCE,
                STRONG_GAIN);
    }

    static double keptRows(PoolSpec s, long pool, double[] v) {
        double nb = Math.round(s.badShare() * pool);
        return (pool - nb) * v[0] + nb * v[1];
    }

    static PoolCell.Point find(List<PoolCell.Point> points, long pool, double phi, double psi) {
        return points.stream()
                .filter(p -> p.spec().pool() == pool
                        && p.spec().keepGood() == phi
                        && p.spec().keepBad() == psi)
                .findFirst()
                .orElse(null);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
