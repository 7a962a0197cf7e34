package org.collapselab.nn.text.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.text.corpus.CorpusFields;
import org.collapselab.nn.text.corpus.CorpusSpec;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.ModelFields;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.quality.SampleFilter;
import org.collapselab.nn.text.quality.WordList;
import org.collapselab.validation.ParameterException;

/**
 * Reads language-model study files ({@code kind: lm}, e.g. the bundled {@code studies/lm.yaml}) through the shared
 * {@link StudyFile} reader: the corpus ({@link CorpusFields}), the student {@code model} and {@code training},
 * {@code budgets}, {@code p2}, {@code seeds}, the {@code generators} (each with its model, training and filter) and
 * {@code generator_seeds}, sampling, the {@code shifted} and {@code dilution_p2} controls, and {@code quick:}
 * overrides. A filter that needs the word list fails here, with one line, when no word list is installed.
 */
public final class LmStudyReader implements StudyFamily {
    private static final Set<String> FILTER_KEYS =
            Set.of("min_dictionary_share", "max_loss", "min_words", "drop_worst_loss");
    private static final Set<String> GENERATOR_KEYS = Set.of("name", "model", "training", "filter");
    private static final Set<String> SHIFTED_KEYS = Set.of("files", "p2");

    @Override
    public org.collapselab.experiments.study.Schema schema() {
        return LmSchema.SCHEMA;
    }

    @Override
    public String kind() {
        return "lm";
    }

    @Override
    public LmStudy read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, LmSchema.SCHEMA.keys());
        String name = f.studyName(r);
        GptConfig model = ModelFields.model(f, r.path("model"), "model");
        TrainingPlan plan = ModelFields.plan(f, r.path("training"), "training", 1);
        List<Long> budgets = new ArrayList<>();
        List<Double> b = f.realList(r.path("budgets"), "budgets", 1, 1e10);
        for (double t : b == null ? List.<Double>of() : b) {
            if (t != Math.rint(t)) {
                f.error("budgets", t, "whole numbers of tokens");
            }
            budgets.add((long) t);
        }
        List<Double> p2 = f.realList(r.path("p2"), "p2", 0, 1);
        int seeds = f.integer(r, "seeds", "seeds", 1, 100, 1);
        List<LmGeneratorConfig> generators = generators(f, r.path("generators"));
        int generatorSeeds = f.integer(r, "generator_seeds", "generator_seeds", 1, 100, 1);
        double temperature = f.real(r, "temperature", "temperature", 0.05, 5, 1, true);
        double topP = f.real(r, "top_p", "top_p", 0.01, 1, 1, true);
        long synthetic = f.longValue(r, "synthetic_tokens", "synthetic_tokens", 1000, 1_000_000_000L, 500_000);
        List<String> shiftedFiles = List.of();
        List<Double> shiftedP2 = List.of();
        JsonNode sh = r.path("shifted");
        if (!sh.isMissingNode() && !sh.isNull()) {
            if (!sh.isObject()) {
                f.error("shifted", sh, "a mapping with keys files, p2");
            } else {
                f.unknownKeys(sh, SHIFTED_KEYS, "shifted.");
                shiftedFiles = CorpusFields.fileNames(f, sh.path("files"), "shifted.files");
                shiftedP2 = f.realList(sh.path("p2"), "shifted.p2", 1e-6, 1 - 1e-6);
            }
        }
        List<Double> dilution =
                r.has("dilution_p2") ? f.realList(r.path("dilution_p2"), "dilution_p2", 1e-6, 1 - 1e-6) : List.of();
        int sampleLength = f.integer(r, "sample_length", "sample_length", 1, 100_000, 200);
        int samples = f.integer(r, "samples", "samples", 0, 100, 2);
        long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE / 2_000_000L, 2024);
        int threads = f.integer(r, "threads", "threads", 1, 64, 1);
        f.real(r, "budget_minutes", "budget_minutes", 0.1, 10_000, 60, true); // documented wall-time budget
        CorpusSpec corpus = CorpusFields.read(f, r, model == null ? -1 : model.context());
        if (!f.ok() || corpus == null || p2 == null || shiftedP2 == null || dilution == null) {
            return null;
        }
        try {
            return new LmStudy(
                    name,
                    new LmExperimentConfig(
                            corpus,
                            model,
                            plan,
                            budgets,
                            p2,
                            seeds,
                            generators,
                            generatorSeeds,
                            temperature,
                            topP,
                            synthetic,
                            shiftedFiles,
                            shiftedP2,
                            dilution,
                            sampleLength,
                            samples,
                            seed,
                            threads),
                    quick);
        } catch (ParameterException e) {
            f.error(e.field(), e.value(), e.allowed());
            return null;
        }
    }

    private static List<LmGeneratorConfig> generators(StudyFile f, JsonNode gs) {
        List<LmGeneratorConfig> out = new ArrayList<>();
        if (gs.isMissingNode() || gs.isNull()) {
            return out;
        }
        if (!gs.isArray()) {
            f.error("generators", gs, "a list of {name, model, training, filter}");
            return out;
        }
        for (int i = 0; i < gs.size(); i++) {
            JsonNode g = gs.get(i);
            String field = "generators[" + i + "]";
            if (!g.isObject()) {
                f.error(field, g, "a mapping with keys " + String.join(", ", new TreeSet<>(GENERATOR_KEYS)));
                continue;
            }
            f.unknownKeys(g, GENERATOR_KEYS, field + ".");
            String name = f.text(g, "name", field + ".name", true);
            GptConfig m = ModelFields.model(f, g.path("model"), field + ".model");
            TrainingPlan p = ModelFields.plan(f, g.path("training"), field + ".training");
            SampleFilter filter = filter(f, g.path("filter"), field + ".filter");
            if (name != null && m != null && p != null && filter != null) {
                out.add(new LmGeneratorConfig(name, m, p, filter));
            }
        }
        return out;
    }

    /** A filter entry ({@link SampleFilter#none()} when absent), or null after recording its problems. */
    static SampleFilter filter(StudyFile f, JsonNode fn, String field) {
        if (fn.isMissingNode() || fn.isNull()) {
            return SampleFilter.none();
        }
        if (!fn.isObject()) {
            f.error(field, fn, "a mapping with keys " + String.join(", ", new TreeSet<>(FILTER_KEYS)));
            return null;
        }
        f.unknownKeys(fn, FILTER_KEYS, field + ".");
        double share = f.real(fn, "min_dictionary_share", field + ".min_dictionary_share", 0, 1, 0, true);
        double maxLoss = f.real(
                fn, "max_loss", field + ".max_loss", 1e-6, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, true);
        int minWords = f.integer(fn, "min_words", field + ".min_words", 0, 100_000, 0);
        double worst = f.real(fn, "drop_worst_loss", field + ".drop_worst_loss", 0, 0.99, 0, true);
        if (Double.isNaN(share + maxLoss + worst)) {
            return null;
        }
        if (share > 0 && WordList.system().isEmpty()) {
            f.error(
                    field + ".min_dictionary_share",
                    share,
                    "0 when no word list is installed (" + WordList.WHERE + ")");
            return null;
        }
        return new SampleFilter(share, maxLoss, minWords, worst);
    }
}
