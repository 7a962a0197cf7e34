package org.collapselab.forecast;

import java.util.List;

/**
 * The law fitted to a pilot set by weighted least squares, with what the fit says about itself.
 *
 * @param model which parameters were fitted
 * @param parameters the best-fitting law
 * @param pilots the pilot groups with the standard errors the fit used (RESIDUAL: τ̂·ȳ)
 * @param chi2 Σ ((ȳ − fitted)/stderr)² at the optimum
 * @param dof groups minus fitted parameters (may be ≤ 0 with replicates or stderr)
 * @param inflation variance inflation used for intervals: max(1, χ²/dof) when dof &gt; 0 and the standard errors were
 *     measured (the pilots scatter more around the law than their errors say: the law is only approximately right),
 *     1 otherwise
 * @param fitted the law's error at each group
 * @param optima distinct local optima x = (log10 d, α, log10 λ, γ), best first, with the best's χ² first
 * @param converged the best local search met its tolerance and the law's fixed points converged at every group
 * @param evaluations objective evaluations
 */
public record LawFit(
        LawModel model,
        LawParameters parameters,
        PilotSet pilots,
        double chi2,
        int dof,
        double inflation,
        double[] fitted,
        List<double[]> optima,
        boolean converged,
        int evaluations) {
    /** The law's prediction at (n, p2, A). */
    public double predict(double n, double p2, double weight) {
        return CollapseLaw.predict(parameters, n, p2, weight);
    }
}
