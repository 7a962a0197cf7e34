package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the law the pilots support among candidates of two kinds, each with or without the additive floor:
 * <ul>
 *   <li>{@code saturating}: an effective dimension d_eff the pilots pass (d_eff ≤ half the largest pilot n) with the
 *       paper's gap E ΔΔᵀ ∝ Σ⁻¹ (γ = 0): a learner whose error and collapse penalty level off within the pilots, as
 *       ridge on d features does once n passes d. Only used if d_eff is identified: an optimum at the bound (the
 *       pilots never show the learner levelling off) discards it, since a d_eff beyond the pilots would put a change
 *       of regime into the forecast that nothing in the pilots supports.</li>
 *   <li>{@code unbounded}: d_eff beyond any size in view (1e9), a power-law spectrum, and the gap profile γ, which
 *       sets how fast the gap is learned (with d_eff → ∞ and γ = 0 it would never be).</li>
 * </ul>
 * Every candidate is fitted and the one with the least χ²/φ + {@link #PENALTY}·(floor fitted + saturating) is kept,
 * φ the variance inflation of the best fit: the floor enters only if it lowers χ² by more than its 5% χ²₁ quantile
 * (3.84) in units of the pilots' noise, so an excess risk is not given a floor fitted to noise, which would dominate
 * a forecast at 10× the pilots' sizes; and a saturating law must fit better than the unbounded one by as much, since
 * it predicts a change of regime (the error falling like 1/n once n ≫ d_eff) that a forecast depends on. Intervals
 * repeat the choice in every bootstrap replicate ({@link LawBootstrap}), so they include its uncertainty.
 */
public final class LawSelection {
    /** χ² penalty per optional part: the 95% quantile of χ² with one degree of freedom. */
    public static final double PENALTY = 3.841;

    private LawSelection() {}

    /** The candidates: saturating and unbounded, each without and with a fitted floor (or at a known floor). */
    public static List<LawModel> candidates(long largestPilot, double knownFloor) {
        LawModel sat = LawModel.saturating(largestPilot);
        LawModel unb = LawModel.unbounded();
        if (!Double.isNaN(knownFloor)) {
            return List.of(sat.withFloor(knownFloor, "saturating"), unb.withFloor(knownFloor, "unbounded"));
        }
        return List.of(
                sat.withoutCoefficient(0, "saturating"),
                sat.named("saturating+floor"),
                unb.withoutCoefficient(0, "unbounded"),
                unb.named("unbounded+floor"));
    }

    /** Number of penalised parts a candidate uses: a fitted floor, a saturating dimension. */
    static int extras(LawModel m) {
        return (m.linear()[0] ? 1 : 0) + (m.upper()[0] > m.lower()[0] ? 1 : 0);
    }

    /** Whether a fit's d_eff sits at the upper end of a free range: the pilots do not identify it. */
    static boolean unidentified(LawFit f) {
        LawModel m = f.model();
        return m.upper()[0] > m.lower()[0] && Math.log10(f.parameters().shape().dimension()) >= m.upper()[0] - 0.01;
    }

    /** The fit of every candidate and the chosen one. */
    public record Selection(List<LawFit> fits, int chosen) {
        /** The chosen fit. */
        public LawFit best() {
            return fits.get(chosen);
        }
    }

    /** Fits every candidate globally and chooses (floor fitted or not, as the pilots decide). */
    public static Selection select(PilotSet pilots) {
        return select(pilots, Double.NaN);
    }

    /** Fits every candidate globally and chooses; a known floor (not NaN) is held fixed. */
    public static Selection select(PilotSet pilots, double knownFloor) {
        List<LawFit> fits = new ArrayList<>();
        List<LawModel> all = candidates(pilots.largestSize(), knownFloor);
        for (LawModel m : all) {
            if (pilots.noise() != PilotSet.NoiseModel.RESIDUAL
                    || m.parameterCount() < pilots.groups().size()
                    || m == all.get(0)) { // without a noise estimate a candidate needs a residual degree of freedom
                fits.add(LawFitter.fit(pilots, m));
            }
        }
        return new Selection(fits, choose(pilots, fits));
    }

    /** Refits every candidate locally from the optima of an earlier selection (bootstrap replicates) and chooses. */
    public static Selection reselect(PilotSet pilots, Selection earlier) {
        List<LawFit> fits = new ArrayList<>();
        for (LawFit f : earlier.fits()) {
            fits.add(LawFitter.refit(pilots, f.model(), f.optima().subList(0, 1)));
        }
        return new Selection(fits, choose(pilots, fits));
    }

    /**
     * The candidate with the least rss/φ + penalty among those whose d_eff is identified; rss is measured on the input
     * pilots' standard errors (common to all candidates), φ from the best-fitting floor-fitted candidate.
     */
    private static int choose(PilotSet pilots, List<LawFit> fits) {
        double[] rss = new double[fits.size()];
        double phi = Double.NaN;
        for (int i = 0; i < fits.size(); i++) {
            LawFit f = fits.get(i);
            for (int g = 0; g < f.fitted().length; g++) {
                PilotGroup grp = pilots.groups().get(g);
                double z = (grp.mean() - f.fitted()[g]) / grp.stderr();
                rss[i] += z * z;
            }
            if (!unidentified(f) && f.dof() > 0 && (f.model().linear()[0] || fits.size() == 2)) {
                double v = rss[i] / f.dof();
                phi = Double.isNaN(phi) ? v : Math.min(phi, v);
            }
        }
        if (Double.isNaN(phi)) {
            phi = 1;
        } else if (pilots.noise() != PilotSet.NoiseModel.RESIDUAL) {
            phi = Math.max(1, phi); // measured errors: only widen
        }
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fits.size(); i++) {
            LawFit f = fits.get(i);
            double score = rss[i] / phi + PENALTY * extras(f.model());
            if (!unidentified(f) && score < bestScore - 1e-9) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }
}
