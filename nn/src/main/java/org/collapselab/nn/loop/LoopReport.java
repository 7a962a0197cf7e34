package org.collapselab.nn.loop;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.stats.TInterval;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.SafeNames;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.text.quality.TextMeasures;

/**
 * The report of a neural loop study: real-test loss (and, for images, classification error) vs generation per arm
 * with 95% t intervals over seeds; for the language model the diversity of each generation's text vs generation
 * beside real text of the same size, and every generation's sample saved as {@code OUT/NAME/samples/ARM-seedS-genK.txt};
 * a table; the claims ({@link LoopClaims}); the run-time estimate. Only seeds complete in every arm are used, so
 * every comparison stays paired.
 */
final class LoopReport {
    private LoopReport() {}

    /** The run-time estimate of a study (for {@code --plan} and the report). */
    static String estimate(LoopStudy s) {
        LoopConfig c = s.config();
        double total = 0;
        for (LoopArm a : c.arms()) {
            total += c.seeds() * c.estimatedSeconds(a);
        }
        return String.format(
                Locale.ROOT,
                "%s: estimated %.1f min on 2 idle cores (%d loops of %d generations, %.0f s "
                        + "of one core in all, two loops at once; from throughput measured on the 2-core machine)",
                s.name(),
                total / 2 / 60,
                c.seeds() * c.arms().size(),
                c.generations() + 1,
                total);
    }

    static StudyReport report(LoopStudy s, StudyResults results, ReportOptions o) throws IOException {
        LoopConfig c = s.config();
        Map<String, Map<Integer, LoopResult>> stored = new LinkedHashMap<>();
        for (LoopArm a : c.arms()) {
            stored.put(a.key(), new java.util.TreeMap<>());
        }
        for (LoopCellJob j : results.present(LoopCellJob.class)) {
            stored.get(j.arm().key())
                    .put(j.seed(), LoopCellJob.read(results.resultJson(j.key()).orElseThrow()));
        }
        Set<Integer> complete = new TreeSet<>();
        for (int seed = 0; seed < c.seeds(); seed++) {
            final int sd = seed;
            if (stored.values().stream().allMatch(m -> m.containsKey(sd))) {
                complete.add(seed);
            }
        }
        Map<String, List<LoopResult>> byArm = new LinkedHashMap<>();
        for (LoopArm a : c.arms()) {
            byArm.put(a.key(), complete.stream().map(stored.get(a.key())::get).toList());
        }
        StringBuilder html = new StringBuilder();
        html.append("<h3>")
                .append(Html.escape(s.name()))
                .append(": ")
                .append(Html.escape(c.family()))
                .append(" retrained on its own output</h3>\n");
        html.append(Html.paragraph(c.describe() + " Arms: "
                + String.join("; ", c.arms().stream().map(LoopArm::label).toList())
                + ". Generation 0 is the same model in every arm of a seed, so arms are compared paired by seed; "
                + "intervals are 95% Student-t over " + complete.size() + " seeds (" + c.seeds()
                + " planned). Verdicts test "
                + "paired differences against " + c.minEffect().describe()
                + ": one-sided tests at 2.5% for \"more than\", "
                + "the two one-sided tests (TOST, 90% interval inside ±MIN_EFFECT) for \"settles\"."
                + (s.quick() ? " Quick mode: fewer seeds and generations; verdicts are provisional." : "")));
        html.append(Html.paragraph(estimate(s) + "."));
        if (complete.isEmpty()) {
            String note = s.name() + ": no seed has every arm stored; figures and claims need them (run again).";
            return new StudyReport(List.of(), html + Html.paragraph(note), List.of(), note + "\n");
        }
        Path dir = SafeNames.resolve(o.outDir(), s.name(), "", "name");
        List<Path> files = new ArrayList<>();
        int k = c.generations();
        if (o.figures()) {
            List<LinePlot> panels = new ArrayList<>();
            panels.add(new LinePlot(
                    "Real-test loss vs generation",
                    "generation",
                    c.lossLabel(),
                    false,
                    false,
                    series(c, byArm, GenerationResult::loss, null)));
            boolean image = byArm.values().iterator().next().get(0).reference() == null;
            if (image) {
                panels.add(new LinePlot(
                        "Real-test classification error vs generation",
                        "generation",
                        "test error",
                        false,
                        false,
                        series(c, byArm, GenerationResult::error, null)));
            }
            files.addAll(figure(
                    html,
                    dir,
                    o.outDir(),
                    s.name() + "-loss",
                    panels,
                    "Real-test loss per generation and " + "arm, mean over seeds ± 95% t interval."));
            if (!image) {
                List<LinePlot> div = new ArrayList<>();
                div.add(new LinePlot(
                        "Distinct-2 of the generated text",
                        "generation",
                        "distinct bigrams / bigrams",
                        false,
                        false,
                        series(c, byArm, g -> g.diversity().distinct2(), TextMeasures::distinct2)));
                div.add(new LinePlot(
                        "Unigram entropy of the generated text",
                        "generation",
                        "bits",
                        false,
                        false,
                        series(c, byArm, g -> g.diversity().unigramEntropyBits(), TextMeasures::unigramEntropyBits)));
                div.add(new LinePlot(
                        "Dictionary-word share of the generated text",
                        "generation",
                        "share of words",
                        false,
                        false,
                        series(c, byArm, g -> g.diversity().dictionaryShare(), TextMeasures::dictionaryShare)));
                files.addAll(figure(
                        html,
                        dir,
                        o.outDir(),
                        s.name() + "-diversity",
                        div,
                        "Diversity of the text each "
                                + "generation writes (n rows sampled after training), mean over seeds ± 95% t interval; dashed: real "
                                + "training text of the same size."));
                List<LinePlot> tails = new ArrayList<>();
                tails.add(new LinePlot(
                        "Its samples under generation 0",
                        "generation",
                        "loss of the samples (nats/token)",
                        false,
                        false,
                        series(c, byArm, g -> g.metrics().firstModelLoss(), null)));
                tails.add(new LinePlot(
                        "Real-test loss on rare tokens",
                        "generation",
                        "nats/token",
                        false,
                        false,
                        series(c, byArm, g -> g.metrics().rareLoss(), null)));
                tails.add(new LinePlot(
                        "Predictive entropy on real text",
                        "generation",
                        "nats",
                        false,
                        false,
                        series(c, byArm, g -> g.metrics().entropy(), null)));
                tails.add(new LinePlot(
                        "Distinct-2, first 2000 dictionary words",
                        "generation",
                        "distinct bigrams / bigrams",
                        false,
                        false,
                        series(c, byArm, g -> g.metrics().matchedDistinct2(), null)));
                files.addAll(
                        figure(
                                html,
                                dir,
                                o.outDir(),
                                s.name() + "-tails",
                                tails,
                                "Collapse metrics that can see tails "
                                        + "at this scale: how typical each generation's text is for generation 0, the loss on the rarest tokens "
                                        + "(those making up 5% of the training tokens), the entropy of the next-token distribution, and "
                                        + "distinct-2 on a fixed number of dictionary words (length-matched, blind to non-words)."));
            }
        }
        html.append(table(c, byArm));
        if (byArm.values().iterator().next().get(0).reference() != null) {
            html.append(Html.paragraph("Diversity measures (words are runs of letters, lower-cased): distinct-n = "
                    + "distinct word n-grams / all word n-grams of one generation's n sampled rows (n = 1, 2, 3); unigram "
                    + "entropy = −Σ p(w) log2 p(w) over word frequencies; dictionary share = words in the system word list "
                    + "(Debian wamerican; NaN without it). All are measured on texts of equal size, so generations and arms "
                    + "compare directly."));
            Path samples = writeSamples(dir, byArm);
            html.append(
                    Html.paragraph("Samples of every generation: " + o.outDir().relativize(samples) + "/ (one file "
                            + "per arm, seed and generation; the first characters of the text the generation wrote)."));
        }
        List<Claim> claims = LoopClaims.claims(c.arms(), byArm, k, c.lossUnit(), c.minEffect()).stream()
                .map(x -> x.prefixed(s.name() + " (" + c.family() + "): "))
                .toList();
        StringBuilder text = new StringBuilder(estimate(s)).append('\n');
        for (Map.Entry<String, List<LoopResult>> e : byArm.entrySet()) {
            text.append(String.format(Locale.ROOT, "%s %s: loss by generation", s.name(), e.getKey()));
            for (int g = 0; g <= k; g++) {
                text.append(String.format(
                        Locale.ROOT,
                        " %.4f",
                        stat(e.getValue(), g, GenerationResult::loss).estimate()));
            }
            text.append('\n');
        }
        return new StudyReport(files, html.toString(), claims, text.toString());
    }

    private static List<Path> figure(
            StringBuilder html, Path dir, Path outDir, String name, List<LinePlot> panels, String caption)
            throws IOException {
        List<Path> f = FigureWriter.write(dir, name, panels);
        html.append(Html.figure(outDir, f.get(0), f.get(1), caption));
        return f;
    }

    private static List<PlotSeries> series(
            LoopConfig c,
            Map<String, List<LoopResult>> byArm,
            ToDoubleFunction<GenerationResult> f,
            ToDoubleFunction<TextMeasures> reference) {
        List<PlotSeries> out = new ArrayList<>();
        int k = c.generations();
        double[] x = new double[k + 1];
        for (int g = 0; g <= k; g++) {
            x[g] = g;
        }
        int i = 0;
        for (LoopArm a : c.arms()) {
            List<LoopResult> loops = byArm.get(a.key());
            double[] y = new double[k + 1];
            double[] e = new double[k + 1];
            for (int g = 0; g <= k; g++) {
                Interval t = stat(loops, g, f);
                y[g] = t.estimate();
                e[g] = Double.isFinite(t.halfWidth()) ? t.halfWidth() : 0;
            }
            Color col = ColorScales.categorical(i++);
            out.add(PlotSeries.line("", x, y, col)); // the curve; the markers carry the legend and the intervals
            out.add(PlotSeries.markers(a.label(), x, y, e, col));
        }
        if (reference != null) {
            double r = byArm.values().iterator().next().stream()
                    .mapToDouble(l -> reference.applyAsDouble(l.reference()))
                    .average()
                    .orElse(Double.NaN);
            out.add(PlotSeries.line("real text", new double[] {0, k}, new double[] {r, r}, Color.GRAY));
        }
        return out;
    }

    private static Interval stat(List<LoopResult> loops, int g, ToDoubleFunction<GenerationResult> f) {
        return TInterval.of(LoopClaims.at(loops, g, f), 0.95);
    }

    private static String table(LoopConfig c, Map<String, List<LoopResult>> byArm) {
        boolean text = byArm.values().iterator().next().get(0).reference() != null;
        List<String> head = new ArrayList<>(
                List.of("arm", "generation", "rows trained on (real)", c.lossLabel() + ", mean [95% CI]"));
        head.addAll(
                text
                        ? List.of(
                                "distinct-1",
                                "distinct-2",
                                "distinct-3",
                                "entropy (bits)",
                                "dictionary share",
                                "samples under gen. 0 (nats/token)",
                                "rare-token loss",
                                "predictive entropy (nats)",
                                "distinct-2, 2000 words")
                        : List.of("test error, mean [95% CI]"));
        head.add("seconds");
        List<List<String>> rows = new ArrayList<>();
        for (LoopArm a : c.arms()) {
            List<LoopResult> loops = byArm.get(a.key());
            for (int g = 0; g <= c.generations(); g++) {
                GenerationResult first = loops.get(0).generations().get(g);
                List<String> row = new ArrayList<>(List.of(
                        a.label(),
                        Integer.toString(g),
                        first.trainingRows() + " (" + first.realRows() + ")",
                        stat(loops, g, GenerationResult::loss).format("%.4f")));
                if (text) {
                    row.add(fmt(stat(loops, g, x -> x.diversity().distinct1()).estimate()));
                    row.add(fmt(stat(loops, g, x -> x.diversity().distinct2()).estimate()));
                    row.add(fmt(stat(loops, g, x -> x.diversity().distinct3()).estimate()));
                    row.add(fmt(stat(loops, g, x -> x.diversity().unigramEntropyBits())
                            .estimate()));
                    row.add(fmt(
                            stat(loops, g, x -> x.diversity().dictionaryShare()).estimate()));
                    row.add(fmt(
                            stat(loops, g, x -> x.metrics().firstModelLoss()).estimate()));
                    row.add(fmt(stat(loops, g, x -> x.metrics().rareLoss()).estimate()));
                    row.add(fmt(stat(loops, g, x -> x.metrics().entropy()).estimate()));
                    row.add(fmt(
                            stat(loops, g, x -> x.metrics().matchedDistinct2()).estimate()));
                } else {
                    row.add(stat(loops, g, GenerationResult::error).format("%.4f"));
                }
                row.add(String.format(
                        Locale.ROOT,
                        "%.1f",
                        stat(loops, g, GenerationResult::seconds).estimate()));
                rows.add(row);
            }
        }
        return Html.table(head, rows);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static Path writeSamples(Path dir, Map<String, List<LoopResult>> byArm) throws IOException {
        Path sd = dir.resolve("samples");
        Files.createDirectories(sd);
        for (Map.Entry<String, List<LoopResult>> e : byArm.entrySet()) {
            for (LoopResult l : e.getValue()) {
                for (GenerationResult g : l.generations()) {
                    String name = e.getKey() + "-seed" + l.seed() + "-gen" + g.generation();
                    Files.writeString(
                            SafeNames.resolve(sd, name, ".txt", "sample"),
                            String.format(
                                    Locale.ROOT,
                                    "arm %s, seed %d, generation %d: real-test loss %.4f nats/token; the first %d characters of the text "
                                            + "it wrote%n%n%s",
                                    e.getKey(),
                                    l.seed(),
                                    g.generation(),
                                    g.loss(),
                                    g.sample().length(),
                                    g.sample()),
                            StandardCharsets.UTF_8);
                }
            }
        }
        return sd;
    }
}
