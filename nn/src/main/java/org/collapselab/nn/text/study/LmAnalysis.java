package org.collapselab.nn.text.study;

import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingCurve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapselab.experiments.stats.TInterval;
import org.collapselab.stats.Summary;

/**
 * Seed-averaged views of the language-model runs: final loss per (model, p2) with its spread over seeds, mean loss
 * curves, and the synthetic penalty L(p2) − L(0) paired by seed with its 95% t interval.
 */
final class LmAnalysis {

  /** The summary over seeds of a list of values. */
  static Summary summary(List<Double> v) {
    return Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray());
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

  Summary finalLoss(String model, double p2) {
    return summary(groups.get(model).get(p2).stream().map(LmRunResult::finalTestLoss).toList());
  }

  Summary syntheticLoss(String model, double p2) {
    return summary(groups.get(model).get(p2).stream().map(LmRunResult::syntheticTestLoss).toList());
  }

  Summary throughput(String model) {
    List<Double> v = new ArrayList<>();
    groups.get(model).values().forEach(l -> l.forEach(r -> v.add(r.tokensPerSecond())));
    return summary(v);
  }

  /** Confidence level of every interval in the report. */
  static final double LEVEL = 0.95;

  /** Whether a model was trained at a share. */
  boolean has(String model, double p2) {
    return groups.containsKey(model) && groups.get(model).containsKey(p2);
  }

  /** Final real-test loss per seed index, for the seeds present. */
  Map<Integer, Double> finalBySeed(String model, double p2) {
    Map<Integer, Double> m = new TreeMap<>();
    groups.get(model).get(p2).forEach(r -> m.put(r.seed(), r.finalTestLoss()));
    return m;
  }

  /**
   * The paired penalty L(p2) − L(ref) at the end of training: one difference per seed that ran at both shares (same
   * seed = same initial weights and data order), with its 95% t interval.
   */
  Summary penalty(String model, double p2, double ref) {
    Map<Integer, Double> a = finalBySeed(model, p2);
    Map<Integer, Double> b = finalBySeed(model, ref);
    List<Integer> seeds = a.keySet().stream().filter(b::containsKey).toList();
    return TInterval.differences(seeds.stream().mapToDouble(a::get).toArray(),
        seeds.stream().mapToDouble(b::get).toArray());
  }

  /** The paired penalty against p2 = 0. */
  Summary penalty(String model, double p2) {
    return penalty(model, p2, 0.0);
  }

  /**
   * Per seed, how the gap L(p2) − L(0) on the real-test curve changed from the middle evaluation to the last (more
   * tokens seen): negative = the penalty fades with more data.
   */
  Summary gapChange(String model, double p2) {
    Map<Integer, LmRunResult> a = new TreeMap<>();
    Map<Integer, LmRunResult> b = new TreeMap<>();
    groups.get(model).get(p2).forEach(r -> a.put(r.seed(), r));
    groups.get(model).get(0.0).forEach(r -> b.put(r.seed(), r));
    List<Double> d = new ArrayList<>();
    for (int seed : a.keySet()) {
      if (!b.containsKey(seed)) {
        continue;
      }
      List<TrainingCurve.Point> pa = a.get(seed).curve().points();
      List<TrainingCurve.Point> pb = b.get(seed).curve().points();
      int n = Math.min(pa.size(), pb.size());
      if (n < 2) {
        continue;
      }
      int mid = (n - 1) / 2;
      double gMid = pa.get(mid).testLoss() - pb.get(mid).testLoss();
      double gEnd = pa.get(n - 1).testLoss() - pb.get(n - 1).testLoss();
      d.add(gEnd - gMid);
    }
    return d.isEmpty() ? null : Summary.of(d.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Mean final training loss (last evaluation interval, on the mixture) over seeds. */
  Summary finalTrainLoss(String model, double p2) {
    return summary(groups.get(model).get(p2).stream()
        .map(r -> r.curve().points().get(r.curve().points().size() - 1).trainLoss()).toList());
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
      Summary s = summary(loss);
      out[0][i] = tok / rs.size();
      out[1][i] = real / rs.size();
      out[2][i] = s.mean();
      out[3][i] = s.sd();
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
