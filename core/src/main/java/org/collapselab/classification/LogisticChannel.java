package org.collapselab.classification;

/**
 * The data side ("channel") of the logistic-loss saddle point. For a row of group g (sign s, weight c) the cavity
 * field is ω = m + √q·ξ, ξ ~ N(0, 1), and the fitted field h = prox solves h + V·c·ℓ'(s, h) = ω with
 * ℓ(s, h) = log(1 + e^{−sh}); in u = s·h this is u − Vcσ(−u) = s·ω (σ the logistic function). The channel returns
 * <pre>
 *   m̂ = Σ_g p_g c_g s_g E σ(−u),   q̂ = Σ_g p_g c_g² E σ(−u)²,   V̂ = Σ_g p_g E[c_g ℓ''/(1 + V c_g ℓ'')],
 * </pre>
 * ℓ'' = σ(u)σ(−u) (Loureiro, Sicuro, Gerbelot, Pacco, Krzakala, Zdeborová, NeurIPS 2021, the hat-variable updates
 * of their Theorem 1 for one cluster mean after multiplying each row by its class, with per-group label signs and
 * weights). The expectations are integrals over u rather than ξ: since ω = s·(u − Vcσ(−u)) is an explicit increasing
 * function of u, E f(u) = ∫ f(u) φ((g(u) − s·m)/√q) g'(u) du/√q with g(u) = u − Vcσ(−u), so no proximal step is
 * ever solved. Composite 16-point Gauss–Legendre panels cover ±9 standard deviations of ω (see
 * {@link #moments}).
 */
final class LogisticChannel {
    private static final double SPREAD = 9;
    /** σ(u) is within 1e-16 of 0 or 1 outside [−CORE, CORE]. */
    private static final double CORE = 37;

    private static final double CORE_PANEL = 4;
    private static final double GAUSS_PANEL = 4;

    private LogisticChannel() {}

    /** The hat variables (m̂, q̂, V̂). */
    record Hats(double mHat, double qHat, double vHat) {}

    /** The channel at (m, q, V) for the given groups. */
    static Hats evaluate(LabelGroups groups, double m, double q, double v) {
        double mh = 0, qh = 0, vh = 0;
        for (int g = 0; g < groups.size(); g++) {
            double share = groups.shares()[g];
            double c = groups.weights()[g];
            if (share == 0 || c == 0) {
                continue;
            }
            double sign = groups.signs()[g];
            double[] e = moments(sign * m, q, v * c, 1);
            mh += share * c * sign * e[0];
            qh += share * c * c * e[1];
            vh += share * c * e[2];
        }
        return new Hats(mh, qh, vh);
    }

    /**
     * {E σ(−u), E σ(−u)², E[ℓ''/(1 + a ℓ'')]} for u − aσ(−u) = center + √q ξ, with a = V·c; {@code refine} divides every
     * panel width (1 in use; larger in tests of the quadrature's accuracy). The range is the u-image of
     * ω ∈ center ± 9√q; each panel is at most 4√q/g'_max wide (g' = 1 + aσ(u)σ(−u) at its largest over the panel: the
     * Gaussian's scale in u), and inside |u| ≤ 37, where σ varies, at most 4 wide, so the panel count stays bounded
     * whatever q and a are.
     */
    static double[] moments(double center, double q, double a, int refine) {
        double sd = Math.sqrt(q);
        double lo = inverse(center - SPREAD * sd, a);
        double hi = inverse(center + SPREAD * sd, a);
        double[] acc = new double[3];
        double u = lo;
        while (u < hi) {
            double h = hi - u;
            if (u >= -CORE && u < CORE) {
                h = Math.min(h, CORE_PANEL);
            }
            for (int k = 0; k < 4; k++) { // a width that holds for g' at its largest over [u, u + h]
                double nearest = Math.max(u, Math.min(0, u + h)); // the point of [u, u + h] closest to 0
                double sm = ClassifierFit.sigmoid(-nearest);
                double bound = GAUSS_PANEL * sd / (1 + a * sm * (1 - sm));
                if (bound >= h) {
                    break;
                }
                h = bound;
            }
            h /= refine;
            if (u < -CORE) {
                h = Math.min(h, -CORE - u); // up to the core, where σ varies (exact: Sterbenz)
            }
            if (u + h >= hi || hi - (u + h) < 1e-12 * Math.max(1, Math.abs(hi))) {
                h = hi - u;
            }
            panel(acc, u, u + h, center, sd, a);
            u += h;
        }
        return acc;
    }

    /** The u with u − aσ(−u) = t (g is increasing, g(u) ∈ [u − a, u]): safeguarded Newton on [t, t + a]. */
    static double inverse(double t, double a) {
        if (a == 0) {
            return t;
        }
        double lo = t, hi = t + a;
        double u = t + a * ClassifierFit.sigmoid(-t);
        for (int i = 0; i < 100; i++) {
            double sm = ClassifierFit.sigmoid(-u);
            double f = u - a * sm - t;
            if (f > 0) {
                hi = Math.min(hi, u);
            } else {
                lo = Math.max(lo, u);
            }
            double next = u - f / (1 + a * sm * (1 - sm));
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) {
                return next;
            }
            u = next;
        }
        return u;
    }

    private static void panel(double[] acc, double from, double to, double center, double sd, double a) {
        double h = to - from;
        double mid = 0.5 * (from + to);
        for (int i = 0; i < Gaussian.LEGENDRE_POINTS; i++) {
            double u = mid + 0.5 * h * Gaussian.node(i);
            double sm = ClassifierFit.sigmoid(-u); // σ(−u)
            double curv = sm * (1 - sm); // ℓ'' = σ(u)σ(−u)
            double z = (u - a * sm - center) / sd;
            double w = 0.5 * h * Gaussian.weight(i) * Gaussian.pdf(z) * (1 + a * curv) / sd;
            acc[0] += w * sm;
            acc[1] += w * sm * sm;
            acc[2] += w * curv / (1 + a * curv);
        }
    }
}
