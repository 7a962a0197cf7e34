package org.collapselab.nn.text.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Template;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.experiments.stats.EffectVerdicts;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.corpus.PreparedCorpus;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.nn.text.synthetic.GeneratorResult;
import org.collapselab.nn.text.synthetic.SyntheticCorpus;

/**
 * The language-model study's report: the figures ({@link LmFigures}), the tables of losses, penalties and
 * generators, the samples and synthetic corpora saved beside them, and the verdicts ({@link LmClaims}). The prose is
 * the template {@code lm-report.html} next to this class.
 */
final class LmReport {
    private LmReport() {}

    /** Figures under {@code OUT/lm/}, HTML and claims from the stored runs. */
    static StudyReport report(LmStudy study, StudyResults stored, ReportOptions o) throws IOException {
        LmExperimentConfig c = study.config();
        LanguageModelExperiment.Prepared d = LanguageModelExperiment.prepare(c);
        Path dir = o.outDir().resolve("lm");
        Files.createDirectories(dir);
        List<GeneratorResult> gens = new ArrayList<>();
        Map<String, String> textHashByKey = new LinkedHashMap<>();
        List<LmRunResult> runs = new ArrayList<>();
        int missing = 0;
        for (CellJob j : stored.cells()) {
            Optional<String> json = stored.resultJson(j.key());
            if (json.isEmpty()) {
                missing++;
            } else if (j instanceof LmGeneratorJob) {
                SyntheticCorpus.Generated g = LmGeneratorJob.read(json.get());
                gens.add(g.result());
                textHashByKey.put(j.key(), g.result().textHash());
                Files.writeString(dir.resolve(g.result().syntheticFile()), g.text(), StandardCharsets.UTF_8);
            } else {
                runs.add(LanguageModelExperiment.JSON.readValue(json.get(), LmRunResult.class));
            }
        }
        if (missing > 0) {
            String note = String.format(
                    Locale.ROOT,
                    "%s: %d of %d cells stored; the figures and claims need all of them "
                            + "(merge the other shards' databases, or run again to retry failed cells).",
                    study.name(),
                    stored.cells().size() - missing,
                    stored.cells().size());
            return new StudyReport(List.of(), Html.paragraph(note), List.of(), note + "\n");
        }
        LmAnalysis a = new LmAnalysis(c, runs, gens);
        List<List<Path>> figs = LmFigures.write(dir, a);
        List<Path> files = new ArrayList<>();
        figs.forEach(files::addAll);
        Path samples = writeSamples(dir, c, runs);
        String html = Template.render(
                LmReport.class,
                "lm-report.html",
                values(study, d, a, figs, samples, o.outDir(), hashCheck(d, runs, textHashByKey)));
        return new StudyReport(files, html, LmClaims.claims(a), "");
    }

    private static Map<String, Object> values(
            LmStudy study,
            LanguageModelExperiment.Prepared d,
            LmAnalysis a,
            List<List<Path>> figs,
            Path samples,
            Path out,
            String hashCheck) {
        LmExperimentConfig c = study.config();
        PreparedCorpus data = d.data();
        CorpusSplit s = data.split();
        long trainTokens = data.train().length;
        long chars = s.train().stream().mapToLong(x -> x.text().length() + 1).sum();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("corpus", c.corpus().corpus());
        v.put(
                "files",
                c.corpus().files().isEmpty()
                        ? "all *.txt"
                        : String.join(", ", c.corpus().files()));
        v.put("unit", c.corpus().unit().name().toLowerCase(Locale.ROOT));
        v.put("trainDocs", s.train().size());
        v.put("validationDocs", s.validation().size());
        v.put("testDocs", s.test().size());
        v.put("validationPct", pct0(c.corpus().validationFraction()));
        v.put("testPct", pct0(c.corpus().testFraction()));
        v.put("splitChunk", c.corpus().splitChunk());
        v.put("duplicates", s.droppedDuplicates());
        v.put("vocab", data.tokenizer().vocabSize());
        v.put("trainTokens", trainTokens);
        v.put("charsPerToken", String.format(Locale.ROOT, "%.2f", chars / (double) trainTokens));
        v.put(
                "student",
                c.model().name() + " " + c.model().shape() + " (" + c.model().heads() + " heads, "
                        + a.all().stream()
                                .findFirst()
                                .map(r -> String.format(Locale.ROOT, "%.0fk", r.parameters() / 1e3))
                                .orElse("?")
                        + " parameters)");
        v.put(
                "budgets",
                String.join(", ", c.budgets().stream().map(LmClaims::tokens).toList()));
        v.put("lr", LmArm.fmt(c.plan().learningRate()));
        v.put("warmupPct", pct0(c.plan().warmupFraction()));
        v.put("finalLrPct", pct0(c.plan().finalLrFraction()));
        v.put("batch", c.plan().batch());
        v.put("context", c.model().context());
        v.put("seeds", c.seeds());
        v.put(
                "p2s",
                String.join(
                        ", ",
                        c.p2s().stream().filter(p -> p > 0).map(LmArm::fmt).toList()));
        v.put("controls", controls(c));
        v.put("generatorSeeds", c.generatorSeeds());
        v.put("threads", c.threads());
        v.put(
                "minEffect",
                LmClaims.MIN_EFFECT.describe() + ": a 1% change of perplexity; " + LmClaims.NO_FADING.describe());
        v.put(
                "figureLoss",
                Html.figure(
                        out,
                        figs.get(0).get(0),
                        figs.get(0).get(1),
                        "Final real-test loss against the "
                                + "budget T, one panel per generator (its own real-test loss in grey) and one for the controls; bars: ±1 s.d. "
                                + "over seeds"));
        v.put(
                "figurePenalty",
                Html.figure(
                        out,
                        figs.get(1).get(0),
                        figs.get(1).get(1),
                        "Penalty L(p2) − L(0) against "
                                + "T with its 95% interval (paired by seed, over generator replicates), and the band ±MIN_EFFECT"));
        v.put(
                "figurePosition",
                Html.figure(
                        out,
                        figs.get(2).get(0),
                        figs.get(2).get(1),
                        "Penalty by position in the "
                                + "context window at the largest budget: a model that tells the source from context pays early, not late"));
        v.put("lossTable", lossTable(a));
        v.put("generatorTable", generatorTable(a));
        v.put("filterNote", filterNote(c));
        v.put("hashCheck", hashCheck);
        v.put("wordTable", wordTable(a));
        v.put("runs", a.all().size());
        v.put(
                "generatorRuns",
                a.generators.values().stream().mapToInt(Map::size).sum());
        LmAnalysis.Stat tp = LmAnalysis.Stat.of(
                a.all().stream().mapToDouble(LmRunResult::tokensPerSecond).toArray());
        v.put("throughput", String.format(Locale.ROOT, "%.0f ± %.0f", tp.mean(), tp.std()));
        v.put(
                "samplesLink",
                "<a href=\"" + Html.escape(out.relativize(samples).toString()) + "\">"
                        + Html.escape(out.relativize(samples).toString()) + "</a>");
        v.put(
                "params",
                String.format(
                        Locale.ROOT,
                        "%.0fk",
                        c.model().parameterCount(data.tokenizer().vocabSize()) / 1e3));
        v.put("megabytes", String.format(Locale.ROOT, "%.1f", chars / 1e6));
        v.put(
                "passes",
                c.budgets().stream()
                        .map(t -> String.format(Locale.ROOT, "%.2f", t / (double) trainTokens))
                        .toList()
                        .toString());
        v.put(
                "mode",
                study.quick()
                        ? "Quick mode: fewer seeds, smaller budgets and weaker generators; its verdicts are "
                                + "provisional, and each is shown beside the full run's."
                        : "Full mode.");
        return v;
    }

    private static String controls(LmExperimentConfig c) {
        List<String> out = new ArrayList<>();
        if (!c.shiftedP2s().isEmpty()) {
            out.add("a share p2 of " + c.shiftedP2s().stream().map(LmArm::fmt).toList() + " of real text from another "
                    + "domain (" + String.join(", ", c.shiftedFiles())
                    + "), to calibrate what a domain shift alone costs");
        }
        if (!c.dilutionP2s().isEmpty()) {
            out.add("the real part alone of the shares "
                    + c.dilutionP2s().stream().map(LmArm::fmt).toList()
                    + ", (1 − p2)·T real tokens with their own schedule, to tell harmful text from lost real text");
        }
        return out.isEmpty() ? "no controls" : String.join("; and ", out);
    }

    private static String lossTable(LmAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (long t : a.config.budgets()) {
            for (LmArm arm : a.config.arms()) {
                if (!a.has(arm, t)) {
                    continue;
                }
                LmAnalysis.Stat f = a.finalLoss(arm, t);
                Effect p = arm.source() == LmArm.Source.REAL ? null : a.penalty(arm, t);
                rows.add(List.of(
                        LmClaims.tokens(t),
                        arm.label(),
                        Integer.toString(f.n()),
                        pm(f),
                        p == null ? "—" : p.format("%+.4f", 0.95),
                        p == null ? "—" : reading(p),
                        fmt4(a.stat(arm, t, LmRunResult::entropy).mean()),
                        fmt4(a.stat(arm, t, LmRunResult::rareLoss).mean())));
            }
        }
        return Html.table(
                List.of(
                        "T",
                        "arm",
                        "seeds",
                        "real-test loss (mean ± s.d.)",
                        "penalty vs real only [95% CI]",
                        "against MIN_EFFECT (this row alone)",
                        "predictive entropy (nats)",
                        "loss on rare tokens"),
                rows);
    }

    /** A penalty's reading against MIN_EFFECT on its own (the claims correct over their parts). */
    private static String reading(Effect p) {
        String r = EffectVerdicts.reading(EffectVerdicts.exceeds(p, LmClaims.MIN_EFFECT), LmClaims.MIN_EFFECT);
        return EffectVerdicts.negligible(p, LmClaims.MIN_EFFECT)
                        == org.collapselab.experiments.report.Claim.Verdict.SUPPORTED
                ? r + "; within ±MIN_EFFECT (TOST)"
                : r;
    }

    private static String generatorTable(LmAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (LmGeneratorConfig g : a.config.generators()) {
            for (GeneratorResult r : a.generators
                    .getOrDefault(g.name(), new java.util.TreeMap<>())
                    .values()) {
                rows.add(List.of(
                        g.name() + " #" + r.replicate(),
                        r.model() + ", " + LmClaims.tokens(r.trainTokens()) + " tokens",
                        fmt4(r.realTestLoss()),
                        r.keptDocuments() + " of " + r.documents(),
                        r.keptTokens() + "",
                        pct(r.kept().dictionaryShare()),
                        r.weightsHash().substring(0, 12),
                        r.textHash().substring(0, 12)));
            }
            LmAnalysis.Stat s = a.generatorLoss(g.name());
            rows.add(List.of(g.name() + ", all", "", pm(s), "", "", "", "", ""));
        }
        return Html.table(
                List.of(
                        "generator",
                        "model, training",
                        "real-test loss",
                        "documents kept",
                        "kept tokens",
                        "dictionary words (kept)",
                        "weights hash",
                        "text hash"),
                rows);
    }

    private static String wordTable(LmAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        GeneratorResult any = null;
        for (var reps : a.generators.values()) {
            for (GeneratorResult r : reps.values()) {
                any = any == null ? r : any;
                rows.add(measureRow(r.name() + " #" + r.replicate() + ", kept text", r.kept()));
            }
        }
        if (any != null) {
            rows.add(0, measureRow("real validation text", any.real()));
        }
        return Html.table(
                List.of(
                        "text",
                        "words",
                        "dictionary-word share",
                        "distinct-1",
                        "distinct-2",
                        "distinct-3",
                        "unigram entropy (bits)"),
                rows);
    }

    /** Whether every generated-arm student trained on the text its generator cell stored. */
    private static String hashCheck(
            LanguageModelExperiment.Prepared d, List<LmRunResult> runs, Map<String, String> textHashByKey) {
        int ok = 0;
        List<String> bad = new ArrayList<>();
        for (LmRunResult r : runs) {
            if (r.arm().source() != LmArm.Source.GENERATED) {
                continue;
            }
            String want = textHashByKey.get(d.generatorKey(r.arm().generator(), r.replicate()));
            if (r.otherHash().equals(want)) {
                ok++;
            } else {
                bad.add(r.arm().key() + " T=" + r.budget() + " seed=" + r.seed());
            }
        }
        return bad.isEmpty()
                ? "all " + ok + " did."
                : "MISMATCH for " + bad.size() + " run(s) (" + String.join(", ", bad)
                        + "): their generator cell was recomputed after they ran; delete them from the database to retrain them.";
    }

    private static String filterNote(LmExperimentConfig c) {
        List<String> out = new ArrayList<>();
        for (LmGeneratorConfig g : c.generators()) {
            var f = g.filter();
            out.add(String.format(
                    Locale.ROOT,
                    "%s: at least %d words, dictionary-word share ≥ %s%s",
                    g.name(),
                    f.minWords(),
                    LmArm.fmt(f.minDictionaryShare()),
                    f.dropWorstLoss() > 0
                            ? String.format(
                                    Locale.ROOT,
                                    ", the %.0f%% with the highest loss under the generator dropped (the paper's perplexity filter)",
                                    100 * f.dropWorstLoss())
                            : ""));
        }
        return String.format(
                Locale.ROOT,
                "Sampling at temperature %s%s from real prompts, %d tokens per replicate; " + "filters: %s.",
                LmArm.fmt(c.temperature()),
                c.topP() < 1 ? ", top-p " + LmArm.fmt(c.topP()) : "",
                c.syntheticTokens(),
                String.join("; ", out));
    }

    private static Path writeSamples(Path dir, LmExperimentConfig c, List<LmRunResult> runs) throws IOException {
        StringBuilder all = new StringBuilder(String.format(
                Locale.ROOT,
                "Samples of the students (seed 0, T = %s), "
                        + "temperature %s; each starts with a prompt (the first tokens of a real training document).%n%n",
                LmClaims.tokens(c.largestBudget()),
                LmArm.fmt(c.temperature())));
        for (LmRunResult r : runs) {
            if (r.samples().isEmpty()) {
                continue;
            }
            all.append(String.format(
                    Locale.ROOT,
                    "=== %s, real-test loss %.4f nats/token ===%n",
                    r.arm().label(),
                    r.finalTestLoss()));
            for (int i = 0; i < r.samples().size(); i++) {
                all.append("--- sample ")
                        .append(i + 1)
                        .append(" ---\n")
                        .append(r.samples().get(i))
                        .append("\n");
            }
            all.append('\n');
        }
        Path f = dir.resolve("samples.txt");
        Files.writeString(f, all, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> measureRow(String what, TextMeasures m) {
        return List.of(
                what,
                Long.toString(m.words()),
                pct(m.dictionaryShare()),
                fmt4(m.distinct1()),
                fmt4(m.distinct2()),
                fmt4(m.distinct3()),
                String.format(Locale.ROOT, "%.2f", m.unigramEntropyBits()));
    }

    static String fmt4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "not measured" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String pct0(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
    }

    static String pm(LmAnalysis.Stat s) {
        return s.n() > 1
                ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())
                : String.format(Locale.ROOT, "%.4f", s.mean());
    }
}
