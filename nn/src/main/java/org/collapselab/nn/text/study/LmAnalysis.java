package org.collapselab.nn.text.study;

import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;

import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingCurve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed-averaged views of the language-model runs: final loss per (model, p2) with its spread over seeds, mean loss
 * curves, and the synthetic penalty L(p2) − L(0) with a tolerance that separates it from run-to-run noise.
 */
final class LmAnalysis {
  /** Tolerance (nats/token) used when only one seed is available. */
  static final Threshold SINGLE_SEED_TOLERANCE = new Threshold("SINGLE_SEED_TOLERANCE", 0.02,
      "penalty tolerance with one seed, nats/char");
  /** Smallest tolerance (nats/token) even when seeds agree closely. */
  static final Threshold MIN_TOLERANCE = new Threshold("MIN_TOLERANCE", 0.01, "smallest penalty tolerance, nats/char");
  /** Standard errors of the difference over seeds that make the tolerance. */
  static final Threshold TOLERANCE_Z = new Threshold("TOLERANCE_Z", 2, "standard errors of the seed difference");

  /** Mean and sample standard deviation over seeds. */
  record Stat(double mean, double std, int n) {
    static Stat of(List<Double> v) {
      double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double s = 0;
      for (double x : v) {
        s += (x - m) * (x - m);
      }
      return new Stat(m, v.size() > 1 ? Math.sqrt(s / (v.size() - 1)) : 0, v.size());
    }

    double standardError() {
      return n > 1 ? std / Math.sqrt(n) : Double.NaN;
    }
  }

  /** Runs grouped by model label (in config order), then p2 (ascending). */
  final Map<String, TreeMap<Double, List<LmRunResult>>> groups = new LinkedHashMap<>();

  LmAnalysis(List<GptConfig> models, List<LmRunResult> runs) {
    for (GptConfig m : models) {
      groups.put(m.name(), new TreeMap<>());
    }
    for (LmRunResult r : runs) {
      groups.computeIfAbsent(r.model(), k -> new TreeMap<>()).computeIfAbsent(r.p2(), k -> new ArrayList<>()).add(r);
    }
  }

  Stat finalLoss(String model, double p2) {
    return Stat.of(groups.get(model).get(p2).stream().map(LmRunResult::finalTestLoss).toList());
  }

  Stat syntheticLoss(String model, double p2) {
    return Stat.of(groups.get(model).get(p2).stream().map(LmRunResult::syntheticTestLoss).toList());
  }

  Stat throughput(String model) {
    List<Double> v = new ArrayList<>();
    groups.get(model).values().forEach(l -> l.forEach(r -> v.add(r.tokensPerSecond())));
    return Stat.of(v);
  }

  /** Penalty L(p2) − L(0) at the end of training and its noise tolerance. */
  double[] penalty(String model, double p2) {
    Stat a = finalLoss(model, p2);
    Stat b = finalLoss(model, 0.0);
    return new double[] {a.mean() - b.mean(), tolerance(a, b)};
  }

  /** The penalty as an interval: L(p2) − L(0) ± its tolerance. */
  Interval penaltyInterval(String model, double p2) {
    double[] p = penalty(model, p2);
    return Interval.around(p[0], p[1], 1);
  }

  static double tolerance(Stat a, Stat b) {
    if (a.n() < 2 || b.n() < 2) {
      return SINGLE_SEED_TOLERANCE.value();
    }
    return Math.max(MIN_TOLERANCE.value(), TOLERANCE_Z.value() * Math.sqrt(a.std() * a.std() / a.n() + b.std() * b.std() / b.n()));
  }

  /** Mean curve over seeds: [tokens, realTokens, testLoss mean, testLoss std] per point. */
  double[][] curve(String model, double p2) {
    List<LmRunResult> rs = groups.get(model).get(p2);
    int n = rs.stream().mapToInt(r -> r.curve().points().size()).min().orElse(0);
    double[][] out = new double[4][n];
    for (int i = 0; i < n; i++) {
      List<Double> loss = new ArrayList<>();
      double tok = 0;
      double real = 0;
      for (LmRunResult r : rs) {
        TrainingCurve.Point p = r.curve().points().get(i);
        loss.add(p.testLoss());
        tok += p.tokens();
        real += p.realTokens();
      }
      Stat s = Stat.of(loss);
      out[0][i] = tok / rs.size();
      out[1][i] = real / rs.size();
      out[2][i] = s.mean();
      out[3][i] = s.std();
    }
    return out;
  }

  /** The p2 = 0 mean curve interpolated at a number of training tokens (linear; NaN outside its range). */
  double cleanLossAt(String model, double tokens) {
    double[][] c = curve(model, 0.0);
    double[] x = c[0];
    double[] y = c[2];
    if (x.length == 0 || tokens < x[0] || tokens > x[x.length - 1]) {
      return Double.NaN;
    }
    for (int i = 1; i < x.length; i++) {
      if (tokens <= x[i]) {
        double f = (tokens - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + f * (y[i] - y[i - 1]);
      }
    }
    return y[y.length - 1];
  }
}
