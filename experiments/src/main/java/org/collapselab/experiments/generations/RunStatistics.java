package org.collapselab.experiments.generations;

import org.collapselab.simulation.SimulationResult;

/**
 * Per-run statistics of a loop's simulated errors (paired within a run, so the generation-to-generation correlation
 * of one run cancels), summarised as mean ± z standard errors over runs.
 */
final class RunStatistics {
  private RunStatistics() {}

  /** A mean with its half-width: [mean − half, mean + half]. */
  record Estimate(double mean, double half) {
    double low() {
      return mean - half;
    }

    double high() {
      return mean + half;
    }

    String format() {
      return String.format(java.util.Locale.ROOT, "%.4g ± %.2g", mean, half);
    }
  }

  /** mean ± z·stderr of the values. */
  static Estimate of(double[] values, double z) {
    SimulationResult s = SimulationResult.of(values, 0);
    return new Estimate(s.mean(), z * s.stderr());
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
