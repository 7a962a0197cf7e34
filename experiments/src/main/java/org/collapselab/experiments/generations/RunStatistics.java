package org.collapselab.experiments.generations;

import org.collapselab.experiments.report.Interval;
import org.collapselab.stats.Summary;

/**
 * Per-run statistics of a loop's simulated errors (paired within a run, so the generation-to-generation correlation
 * of one run cancels), summarised as mean ± z standard errors over runs.
 */
final class RunStatistics {
    private RunStatistics() {}

    /** mean ± z·stderr of the values. */
    static Interval of(double[] values, double z) {
        return Interval.around(Summary.of(values), z);
    }

    /** Per-run least-squares slope of E_k against k over generations [from, to]. */
    static double[] slopes(GenerationsCurve c, int from, int to) {
        int runs = c.runs(0).length;
        double kMean = 0.5 * (from + to);
        double sxx = 0;
        for (int k = from; k <= to; k++) {
            sxx += (k - kMean) * (k - kMean);
        }
        double[] out = new double[runs];
        for (int r = 0; r < runs; r++) {
            double sxy = 0;
            for (int k = from; k <= to; k++) {
                sxy += (k - kMean) * c.runs(k)[r];
            }
            out[r] = sxy / sxx;
        }
        return out;
    }

    /** Per-run difference E_b − E_a. */
    static double[] differences(GenerationsCurve c, int a, int b) {
        double[] ea = c.runs(a);
        double[] eb = c.runs(b);
        double[] out = new double[ea.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = eb[r] - ea[r];
        }
        return out;
    }
}
