package org.collapselab.estimation;

import java.util.List;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Recipe;
import org.collapselab.advice.Regime;
import org.collapselab.problem.ModelKind;
import org.collapselab.spectrum.Spectrum;

/**
 * Diagnosed estimates (standardised units) as {@link Advisor} regimes, and predicted real-test errors averaged over
 * the estimates' uncertainty. The gap ‖ŵ2 − w1‖²_Σ1 is the least certain estimate; it is integrated over its normal
 * approximation by 5-point Gauss–Hermite quadrature, moving σ1² with it along their estimated covariance (the total
 * residual variance is well determined, its split is not) and c² = gap − tr(Σ1V2) clipped at 0. The theory's teacher
 * is scaled to the estimated signal ‖w1‖²_Σ1 ({@link Regime#signal()}). To the theory's excess risk come the label
 * noise σ1² and the intercept's error: σ1²/n1 for real rows only; s²σ1²/n1 + (1 − s)²o² for a mix whose real-row
 * offset o is shrunk by s = n1/(n1 + π) ({@link WeightedRidge}), o² estimated by max(ô² − Var ô, 0).
 *
 * @param estimates the estimates (standardised units)
 * @param real Σ1's eigenvalues, floored at 10⁻¹⁰ of the largest
 * @param synthetic Σ2's diagonal in Σ1's basis, same floor
 */
public record DiagnosedRegime(SourceEstimates estimates, Spectrum real, Spectrum synthetic) {
    private static final double[] NODES = {
        -2.8569700138728056, -1.3556261799742659, 0, 1.3556261799742659, 2.8569700138728056
    };
    private static final double[] WEIGHTS = {
        0.011257411327720691, 0.22207592200561266, 0.5333333333333333, 0.22207592200561266, 0.011257411327720691
    };

    /** One quadrature node: c², σ1² and its weight. */
    public record Node(double c2, double sigma2Real, double weight) {}

    /** The regime of these estimates. */
    public static DiagnosedRegime of(SourceEstimates e) {
        return new DiagnosedRegime(
                e, floored(e.realSpectrum(), "estimated real"), floored(e.syntheticSpectrum(), "estimated synthetic"));
    }

    /** The quadrature nodes over the gap's uncertainty. */
    public List<Node> nodes() {
        SourceEstimates e = estimates;
        double fitVar = e.gap() - e.c2Raw();
        double se = e.gapStdError();
        double slope = se > 0 ? e.gapSigmaCovariance() / (se * se) : 0;
        double floor = 1e-6 * (e.sigma2Real() + e.signal());
        java.util.ArrayList<Node> out = new java.util.ArrayList<>();
        for (int i = 0; i < NODES.length; i++) {
            double g = e.gap() + se * NODES[i];
            double s2 = Math.max(floor, e.sigma2Real() + slope * (g - e.gap()));
            out.add(new Node(Math.max(0, g - fitVar), s2, WEIGHTS[i]));
        }
        return out;
    }

    /** A node at a given c² (σ1² at its estimate): for the interval's ends. */
    public Node at(double c2) {
        return new Node(c2, estimates.sigma2Real(), 1);
    }

    /** The advisor's regime (standardised units) at one node with {@code realRows} real rows. */
    public Regime regime(Node node, long realRows) {
        double total = estimates.sigma2Real() + estimates.signal();
        double signal = Math.max(total - node.sigma2Real(), 1e-6 * total);
        return new Regime(
                ModelKind.RIDGE,
                real,
                synthetic,
                realRows,
                estimates.syntheticRows(),
                Math.sqrt(node.sigma2Real()),
                Math.sqrt(estimates.sigma2Synthetic()),
                node.c2(),
                List.of(),
                signal);
    }

    /**
     * The offset penalty: +∞ (one shared intercept) unless the offset is significant (|ô| &gt; 2 s.e.), then the
     * empirical-Bayes π = σ1²/(ô² − Var ô) (a N(0, τ_o²) prior on the offset with τ_o² estimated).
     */
    public double offsetPenalty() {
        double o2 = estimates.labelOffset() * estimates.labelOffset();
        double v = estimates.labelOffsetStdError() * estimates.labelOffsetStdError();
        if (o2 <= 4 * v) {
            return Double.POSITIVE_INFINITY;
        }
        double tau2 = Math.max(o2 - v, 1e-12 * (estimates.sigma2Real() + estimates.signal()));
        return estimates.sigma2Real() / tau2;
    }

    /** Predicted squared error on a fresh real row at one node (NaN where the theory diverges). */
    public double predict(WeightedRidge w, long realRows, Node node) {
        Recipe r = Advisor.evaluate(regime(node, realRows), w.syntheticRows(), w.syntheticWeight(), w.lambda(), 0);
        if (r == null) {
            return Double.NaN;
        }
        return r.predictedTestError() + node.sigma2Real() + interceptError(w, realRows, node.sigma2Real());
    }

    /** Predicted squared error on a fresh real row averaged over the nodes. */
    public double predict(WeightedRidge w, long realRows) {
        double sum = 0;
        for (Node n : nodes()) {
            double p = predict(w, realRows, n);
            if (!Double.isFinite(p)) {
                return Double.NaN;
            }
            sum += n.weight() * p;
        }
        return sum;
    }

    /** The intercept's expected squared error (class comment). */
    double interceptError(WeightedRidge w, long realRows, double sigma2) {
        double v = sigma2 / realRows;
        if (w.syntheticRows() == 0 || w.syntheticWeight() == 0) {
            return v;
        }
        double o2 = Math.max(
                0,
                estimates.labelOffset() * estimates.labelOffset()
                        - estimates.labelOffsetStdError() * estimates.labelOffsetStdError());
        double s = Double.isInfinite(w.offsetPenalty()) ? 0 : realRows / (realRows + w.offsetPenalty());
        return s * s * v + (1 - s) * (1 - s) * o2;
    }

    private static Spectrum floored(double[] eigenvalues, String label) {
        double max = 0;
        for (double v : eigenvalues) {
            max = Math.max(max, v);
        }
        double[] e = eigenvalues.clone();
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.max(e[i], Math.max(max, 1e-300) * 1e-10);
        }
        return Spectrum.of(e, label);
    }
}
