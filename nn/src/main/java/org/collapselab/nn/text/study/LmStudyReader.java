package org.collapselab.nn.text.study;

import org.collapselab.nn.text.corpus.TextCorpus;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/**
 * Reads language-model study files ({@code kind: lm}, e.g. the bundled {@code studies/lm.yaml}) through the shared
 * {@link StudyFile} reader: corpus, model sizes, training plans of the models and the generator, synthetic shares,
 * seeds, evaluation sizes, and {@code quick:} overrides. Without {@code corpus:} the real text is read from
 * {@code $COLLAPSELAB_DATA/gutenberg}, else {@code data/gutenberg}; the system property {@value #CORPUS_PROPERTY}
 * overrides both.
 */
public final class LmStudyReader implements StudyFamily {
  /** System property naming another corpus folder or file. */
  public static final String CORPUS_PROPERTY = "collapselab.lm.corpus";

  private static final Set<String> KEYS = Set.of("name", "kind", "description", "corpus", "files", "unit",
      "test_fraction", "split_chunk", "models", "training", "p2", "seeds", "generator", "generator_training",
      "generator_slice", "temperature", "synthetic_tokens", "curve_eval_tokens", "final_eval_tokens", "sample_length",
      "samples", "seed", "quick", "vocab_size", "validation_fraction", "size_p2", "filter", "budget_minutes", "top_p");
  private static final Set<String> FILTER_KEYS = Set.of("min_dictionary_share", "max_loss", "min_words",
      "drop_worst_loss");
  private static final Set<String> MODEL_KEYS = Set.of("name", "layers", "width", "heads", "context");
  private static final Set<String> PLAN_KEYS = Set.of("tokens", "batch", "learning_rate", "warmup", "final_lr",
      "weight_decay", "eval_points");

  @Override
  public String kind() {
    return "lm";
  }

  @Override
  public org.collapselab.experiments.study.Schema schema() {
    return LmSchema.SCHEMA;
  }

  /** The default corpus location (see the class comment). */
  public static Path defaultCorpus() {
    String prop = System.getProperty(CORPUS_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("COLLAPSELAB_DATA");
    return env != null && !env.isBlank() ? Path.of(env).resolve("gutenberg") : Path.of("data", "gutenberg");
  }

  @Override
  public LmStudy read(StudyFile f, boolean quick) {
    ObjectNode r = f.withQuick(quick, KEYS);
    String name = f.studyName(r);
    String corpusText = f.text(r, "corpus", "corpus", false);
    String corpus = corpusText != null ? corpusText : defaultCorpus().toString();
    List<String> files = new ArrayList<>();
    JsonNode fl = r.path("files");
    if (!fl.isMissingNode() && !fl.isNull()) {
      if (!fl.isArray()) {
        f.error("files", fl, "a list of file names in the corpus folder (empty: every *.txt)");
      } else {
        for (int i = 0; i < fl.size(); i++) {
          String s = fl.get(i).asText("");
          if (!fl.get(i).isTextual() || s.isBlank() || s.contains("/") || s.contains("\\") || s.startsWith(".")) {
            f.error("files[" + i + "]", fl.get(i), "a file name inside the corpus folder");
          } else {
            files.add(s);
          }
        }
      }
    }
    TextCorpus.Unit unit = f.choice(r, "unit", "unit", TextCorpus.Unit.class, TextCorpus.Unit.BLOCK);
    double testFraction = f.real(r, "test_fraction", "test_fraction", 0.01, 0.5, 0.1, true);
    int splitChunk = f.integer(r, "split_chunk", "split_chunk", 1, 100_000, 20);
    List<GptConfig> models = new ArrayList<>();
    JsonNode ms = r.path("models");
    if (!ms.isArray() || ms.isEmpty()) {
      f.error("models", ms, "a non-empty list of {name, layers, width, heads, context}");
    } else {
      for (int i = 0; i < ms.size(); i++) {
        GptConfig m = model(f, ms.get(i), "models[" + i + "]");
        if (m != null) {
          models.add(m);
        }
      }
    }
    TrainingPlan plan = plan(f, r.path("training"), "training");
    List<Double> p2 = f.realList(r.path("p2"), "p2", 0, 1);
    int seeds = f.integer(r, "seeds", "seeds", 1, 100, 1);
    GptConfig generator = model(f, r.path("generator"), "generator");
    TrainingPlan generatorPlan = plan(f, r.path("generator_training"), "generator_training");
    double slice = f.real(r, "generator_slice", "generator_slice", 0.01, 1, 1, true);
    double temperature = f.real(r, "temperature", "temperature", 0.05, 5, 1, true);
    double topP = f.real(r, "top_p", "top_p", 0.01, 1, 1, true);
    long synthetic = f.longValue(r, "synthetic_tokens", "synthetic_tokens", 1000, 1_000_000_000L, 800_000);
    long curveEval = f.longValue(r, "curve_eval_tokens", "curve_eval_tokens", 16, 100_000_000L, 8192);
    long finalEval = f.longValue(r, "final_eval_tokens", "final_eval_tokens", 16, 100_000_000L, 65_536);
    int sampleLength = f.integer(r, "sample_length", "sample_length", 1, 100_000, 600);
    int samples = f.integer(r, "samples", "samples", 0, 100, 2);
    long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE / 2_000_000L, 2024);
    int vocab = f.integer(r, "vocab_size", "vocab_size", 16, 65_536, 1024);
    double validation = f.real(r, "validation_fraction", "validation_fraction", 0, 0.5, 0.05, true);
    List<Double> sizeP2 = r.has("size_p2") ? f.realList(r.path("size_p2"), "size_p2", 0, 1) : List.of();
    for (double p : sizeP2) {
      if (!p2.contains(p)) {
        f.error("size_p2", p, "one of the p2 values " + p2);
      }
    }
    org.collapselab.nn.text.quality.SampleFilter filter = org.collapselab.nn.text.quality.SampleFilter.none();
    JsonNode fn = r.path("filter");
    if (!fn.isMissingNode() && !fn.isNull()) {
      if (!fn.isObject()) {
        f.error("filter", fn, "a mapping with keys " + String.join(", ", new java.util.TreeSet<>(FILTER_KEYS)));
      } else {
        f.unknownKeys(fn, FILTER_KEYS, "filter.");
        double share = f.real(fn, "min_dictionary_share", "filter.min_dictionary_share", 0, 1, 0, true);
        double maxLoss = f.real(fn, "max_loss", "filter.max_loss", 1e-6, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, true);
        int minWords = f.integer(fn, "min_words", "filter.min_words", 0, 100_000, 0);
        double worst = f.real(fn, "drop_worst_loss", "filter.drop_worst_loss", 0, 0.99, 0, true);
        if (!Double.isNaN(share + maxLoss + worst)) {
          filter = new org.collapselab.nn.text.quality.SampleFilter(share, maxLoss, minWords, worst);
        }
      }
    }
    f.real(r, "budget_minutes", "budget_minutes", 0.1, 10_000, 60, true); // documented wall-time budget
    if (generator != null) {
      for (int i = 0; i < models.size(); i++) {
        if (models.get(i).context() != generator.context()) {
          f.error("models[" + i + "].context", models.get(i).context(), "the generator's context ("
              + generator.context() + ")");
        }
      }
    }
    if (!f.ok()) {
      return null;
    }
    try {
      return new LmStudy(name, new LmExperimentConfig(corpus, files, unit, testFraction, splitChunk, models, plan, p2,
          seeds, generator, generatorPlan, slice, temperature, synthetic, curveEval, finalEval, sampleLength, samples,
          seed, vocab, validation, sizeP2, filter, topP), quick);
    } catch (org.collapselab.validation.ParameterException e) {
      f.error(e.field(), e.value(), e.allowed());
      return null;
    }
  }

  /** A model entry {name, layers, width, heads, context}, or null after recording its problems on {@code f}. */
  public static GptConfig model(StudyFile f, JsonNode m, String field) {
    if (!m.isObject()) {
      f.error(field, m, "a mapping with keys name, layers, width, heads, context");
      return null;
    }
    f.unknownKeys(m, MODEL_KEYS, field + ".");
    String name = f.text(m, "name", field + ".name", true);
    int layers = f.integer(m, "layers", field + ".layers", 1, 48, -1);
    int width = f.integer(m, "width", field + ".width", 1, 8192, -1);
    int heads = f.integer(m, "heads", field + ".heads", 1, 128, -1);
    int context = f.integer(m, "context", field + ".context", 2, 4096, -1);
    if (name == null || layers < 1 || width < 1 || heads < 1 || context < 2) {
      return null;
    }
    if (width % heads != 0) {
      f.error(field + ".width", width, "a multiple of heads (" + heads + ")");
      return null;
    }
    return new GptConfig(name, layers, width, heads, context);
  }

  /** A training plan entry, or null after recording its problems on {@code f}. */
  public static TrainingPlan plan(StudyFile f, JsonNode p, String field) {
    if (!p.isObject()) {
      f.error(field, p, "a mapping with keys " + String.join(", ", new java.util.TreeSet<>(PLAN_KEYS)));
      return null;
    }
    f.unknownKeys(p, PLAN_KEYS, field + ".");
    long tokens = f.longValue(p, "tokens", field + ".tokens", 1, 10_000_000_000L, -1);
    if (tokens < 0) {
      f.error(field + ".tokens", p.path("tokens"), "an integer in [1, 10000000000]");
    }
    int batch = f.integer(p, "batch", field + ".batch", 1, 4096, 16);
    double lr = f.real(p, "learning_rate", field + ".learning_rate", 1e-6, 1, 3e-3, true);
    double warmup = f.real(p, "warmup", field + ".warmup", 0, 0.5, 0.05, true);
    double finalLr = f.real(p, "final_lr", field + ".final_lr", 0, 1, 0.1, true);
    double wd = f.real(p, "weight_decay", field + ".weight_decay", 0, 1, 0, true);
    int evals = f.integer(p, "eval_points", field + ".eval_points", 1, 1000, 4);
    if (tokens < 1 || batch < 1 || evals < 1 || Double.isNaN(lr + warmup + finalLr + wd)) {
      return null;
    }
    return new TrainingPlan(tokens, batch, lr, warmup, finalLr, wd, evals);
  }
}
