package org.collapselab.estimation;

/**
 * How well the c² interval of {@link SourceEstimator} covers the truth: {@code repetitions} independent draws of
 * {@link GaussianTwoSource} data (draw r from seed base + r, its splits from seed r), each estimated.
 *
 * @param truth the data-generating setting (c² is the truth)
 * @param estimates ĉ² of each repetition (unclipped)
 * @param stdErrors their standard errors
 * @param low interval lower ends
 * @param high interval upper ends
 * @param covered repetitions whose interval contains c²
 * @param worstRelativeError max |ĉ² − c²|/c² (clipped ĉ²)
 * @param meanEstimate mean of the unclipped ĉ²
 */
public record Coverage(
        GaussianTwoSource truth,
        double[] estimates,
        double[] stdErrors,
        double[] low,
        double[] high,
        int covered,
        double worstRelativeError,
        double meanEstimate) {

    /**
     * The settings the coverage is checked on (tests and {@code reproduce diagnose-coverage}): power-law Σ1 (α = 1)
     * and Σ2 (α = 0.5), d = 20 and 40, n1 ∈ {10, d/2, d, 2d, 10d} (each once; both estimator routes), n2 = 2000, and a nearly
     * perfect synthetic source.
     */
    public static java.util.List<GaussianTwoSource> cases() {
        java.util.List<GaussianTwoSource> out = new java.util.ArrayList<>();
        for (int d : new int[] {20, 40}) {
            for (int n1 : new java.util.TreeSet<>(java.util.List.of(10, d / 2, d, 2 * d, 10 * d))) {
                out.add(gaussian(0.3, d, n1, 2000, 0.5, 0.5));
            }
        }
        out.add(gaussian(0.05, 20, 40, 2000, 1.0, 0.3));
        return out;
    }

    private static GaussianTwoSource gaussian(double c2, int d, int n1, int n2, double sigma1, double sigma2) {
        return new GaussianTwoSource(
                org.collapselab.spectrum.Spectrum.powerLaw(d, 1.0),
                org.collapselab.spectrum.Spectrum.powerLaw(d, 0.5),
                n1,
                n2,
                c2,
                sigma1,
                sigma2);
    }

    /** Runs the repetitions. */
    public static Coverage run(GaussianTwoSource truth, int repetitions, long base) {
        double c2 = truth.c2();
        double[] est = new double[repetitions];
        double[] se = new double[repetitions];
        double[] lo = new double[repetitions];
        double[] hi = new double[repetitions];
        int covered = 0;
        double worst = 0;
        for (int r = 0; r < repetitions; r++) {
            GaussianTwoSource.Draw draw = truth.draw(base + r, 0);
            SourceEstimates e = SourceEstimator.estimate(draw.data())
                    .inLabelUnits(draw.data().units().labelScale());
            est[r] = e.c2Raw();
            se[r] = e.c2StdError();
            lo[r] = e.c2Low();
            hi[r] = e.c2High();
            covered += e.c2Low() <= c2 && c2 <= e.c2High() ? 1 : 0;
            worst = Math.max(worst, Math.abs(e.c2() - c2) / c2);
        }
        return new Coverage(truth, est, se, lo, hi, covered, worst, Rows.mean(est));
    }

    /** Number of repetitions. */
    public int repetitions() {
        return estimates.length;
    }
}
