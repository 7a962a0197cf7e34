package org.collapselab.nn.text.study;

import org.collapselab.nn.text.corpus.CharTokenizer;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.corpus.EvalWindows;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.corpus.Prompts;
import org.collapselab.nn.text.corpus.TextCorpus;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.LanguageModel;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.synthetic.GeneratorResult;
import org.collapselab.nn.text.synthetic.SyntheticCorpus;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;
import org.collapselab.nn.text.tokenizer.TokenizerCache;
import org.collapselab.stats.Seeds;

/**
 * The computations of the language-model collapse experiment, run as cells by the one runner
 * ({@link LmStudy}): the corpus read, split and tokenized ({@link #prepare}), the weaker generator trained on real
 * training text with its synthetic corpus ({@link #generator}), and one (model size, p2, seed) trained on the
 * mixture at the fixed token budget with the real-test loss recorded along training ({@link #train}). Cells are
 * keyed by their full configuration including a hash of the corpus.
 */
public final class LanguageModelExperiment {
  /** Experiment name of the training runs in the result database. */
  public static final String EXPERIMENT = "lm";
  /** Experiment name of the generator cell. */
  public static final String GENERATOR_EXPERIMENT = "lm-generator";
  static final ObjectMapper JSON = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private LanguageModelExperiment() {}

  /**
   * Everything the experiment produced, for its report.
   *
   * @param config the configuration
   * @param split the real train/test split
   * @param tokenizer the character vocabulary (from real training text)
   * @param generator the generator and the synthetic corpus
   * @param runs every stored training run, in grid order
   * @param computed runs computed by this call
   * @param seconds wall time of the run
   */
  public record Outcome(LmExperimentConfig config, CorpusSplit split, BpeTokenizer tokenizer,
      GeneratorResult generator, List<LmRunResult> runs, int computed, double seconds) {}

  /**
   * The corpus read, split and tokenized for a configuration, the evaluation windows, and the cell keys. Computes
   * no model; cached per process ({@link #prepare}), since every job of a study shares it.
   */
  public record Prepared(LmExperimentConfig config, CorpusSplit split, BpeTokenizer tokenizer, int[] train,
      int[] test, EvalWindows curveEval, EvalWindows finalEval, String generatorJson, String generatorKey) {
    /** Canonical configuration of one training run (unchanged from the first version, so stored runs are reused). */
    public String runJson(GptConfig m, double p2, int seed) {
      try {
        ObjectNode cfg = (ObjectNode) JSON.readTree(generatorJson);
        cfg.put("generatorKey", generatorKey);
        cfg.set("model", JSON.valueToTree(m));
        cfg.set("plan", JSON.valueToTree(config.plan()));
        cfg.put("p2", p2);
        cfg.put("samples", seed == 0 ? config.samples() : 0);
        cfg.put("sampleLength", config.sampleLength());
        return JSON.writeValueAsString(cfg);
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode run configuration", e);
      }
    }

    /** The seed of run {@code seed} (0-based). */
    public long runSeed(int seed) {
      return Seeds.Legacy.scaled(config.baseSeed(), seed);
    }
  }

  private static final Map<LmExperimentConfig, Prepared> PREPARED = new HashMap<>();

  /** Reads, splits and tokenizes the corpus of a configuration (once per process). */
  public static synchronized Prepared prepare(LmExperimentConfig c) throws IOException {
    Prepared p = PREPARED.get(c);
    if (p != null) {
      return p;
    }
    TextCorpus corpus = TextCorpus.load(c.corpusPath(), c.files(), c.unit());
    CorpusSplit split = CorpusSplit.of(corpus, c.testFraction(), c.validationFraction(), c.splitChunk());
    String corpusHash = CellKeys.sha256Hex(String.join("\n", texts(split.train())) + "\u0000"
        + String.join("\n", texts(split.validation())) + "\u0000" + String.join("\n", texts(split.test())));
    BpeTokenizer tok = TokenizerCache.trained(texts(split.train()), c.vocabSize(), corpusHash);
    int[] train = tok.encodeStream(texts(split.train()));
    int[] test = tok.encodeStream(texts(split.test()));
    int ctx = c.generator().context();
    ObjectNode genCfg = JSON.createObjectNode();
    genCfg.put("corpusHash", corpusHash);
    genCfg.put("testFraction", c.testFraction());
    genCfg.put("splitChunk", c.splitChunk());
    genCfg.put("unit", c.unit().name());
    genCfg.put("curveEvalTokens", c.curveEvalTokens());
    genCfg.put("finalEvalTokens", c.finalEvalTokens());
    genCfg.set("generator", JSON.valueToTree(c.generator()));
    genCfg.set("generatorPlan", JSON.valueToTree(c.generatorPlan()));
    genCfg.put("generatorSlice", c.generatorSlice());
    genCfg.put("temperature", c.temperature());
    if (c.topP() < 1) {
      genCfg.put("topP", c.topP()); // absent at 1, as before nucleus sampling existed
    }
    genCfg.put("syntheticTokens", c.syntheticTokens());
    genCfg.put("baseSeed", c.baseSeed());
    genCfg.put("vocabSize", c.vocabSize());
    genCfg.put("validationFraction", c.validationFraction());
    genCfg.set("filter", JSON.valueToTree(c.filter()));
    String genJson = JSON.writeValueAsString(genCfg);
    p = new Prepared(c, split, tok, train, test, EvalWindows.of(test, ctx, c.curveEvalTokens()),
        EvalWindows.of(test, ctx, c.finalEvalTokens()), genJson, CellKeys.key(genJson, c.baseSeed()));
    PREPARED.put(c, p);
    return p;
  }

  /** The texts of documents, in order. */
  static List<String> texts(List<Document> docs) {
    return docs.stream().map(Document::text).toList();
  }

  /** Trains one model on the mixture with share {@code p2} and measures it. */
  public static LmRunResult train(Prepared d, String syntheticText, GptConfig m, double p2, int seed,
      PrintStream log) {
    LmExperimentConfig c = d.config();
    BpeTokenizer tok = d.tokenizer();
    List<String> synthDocs = CharTokenizer.documents(syntheticText);
    int heldSynth = Math.max(1, synthDocs.size() / 20);
    List<Document> synthTrainDocs = new ArrayList<>();
    List<Document> synthTestDocs = new ArrayList<>();
    for (int i = 0; i < synthDocs.size(); i++) {
      (i >= synthDocs.size() - heldSynth ? synthTestDocs : synthTrainDocs).add(new Document("synthetic", i,
          synthDocs.get(i)));
    }
    int[] synthTrain = tok.encodeStream(texts(synthTrainDocs));
    int[] synthTest = tok.encodeStream(texts(synthTestDocs));
    // a heavily filtered synthetic corpus may leave too little held-out text: then its loss is not measured (NaN)
    EvalWindows synthEval = synthTest.length > c.generator().context() ? EvalWindows.of(synthTest,
        c.generator().context(), c.curveEvalTokens()) : null;
    int[][] prompts = Prompts.of(d.split().train(), tok, Math.max(1, c.samples()), Prompts.TOKENS, c.baseSeed());
    long runSeed = d.runSeed(seed);
    String label = String.format(java.util.Locale.ROOT, "%s p2=%s seed=%d", m.shape(), p2, seed);
    long t0 = System.nanoTime();
    try (LanguageModel lm = LanguageModel.create(m, tok.vocabSize(), c.plan(), runSeed)) {
      MixtureSampler sampler = new MixtureSampler(d.train(), synthTrain, p2, runSeed ^ 0x5DEECE66DL);
      TrainingCurve curve = lm.train(sampler, d.curveEval(), log, label);
      double fin = lm.loss(d.finalEval());
      double syn = synthEval == null ? Double.NaN : lm.loss(synthEval);
      List<String> samples = new ArrayList<>();
      if (seed == 0 && c.samples() > 0) {
        int[][] g = lm.generate(prompts, c.sampleLength(), c.temperature(), c.topP(), runSeed + 17);
        for (int i = 0; i < g.length; i++) {
          samples.add(tok.decode(prompts[i], 0, prompts[i].length) + tok.decode(g[i], 0, g[i].length));
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      return new LmRunResult(m.name(), m.layers(), m.width(), lm.parameterCount(), p2, seed, curve, fin, syn,
          curve.tokensPerSecond(), samples, secs);
    }
  }

  /** Trains the generator on real training text and samples the synthetic corpus. */
  public static SyntheticCorpus.Generated generator(Prepared d, PrintStream log) {
    LmExperimentConfig c = d.config();
    return SyntheticCorpus.generate(c.generator(), c.generatorPlan(), d.tokenizer(),
        d.split().trainSlice(c.generatorSlice()), d.split().train(),
        d.split().validation().isEmpty() ? d.split().test() : d.split().validation(), d.finalEval(),
        c.curveEvalTokens(), c.syntheticTokens(), c.temperature(), c.topP(), c.baseSeed(), c.filter(),
        "synthetic-" + d.generatorKey().substring(0, 12) + ".txt", log);
  }
}
