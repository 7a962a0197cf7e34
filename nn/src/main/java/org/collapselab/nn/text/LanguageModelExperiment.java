package org.collapselab.nn.text;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.collapselab.experiments.store.CellKeys;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.nn.text.TextCorpus.Document;

/**
 * Runs the language-model collapse experiment: loads and splits the real corpus, trains the weaker generator on
 * real training text and samples the synthetic corpus, then trains every (model size, p2, seed) on the mixture at
 * the fixed token budget, recording the real-test loss along training. Every finished run (and the generator) is
 * stored in the result database, keyed by its full configuration (including a hash of the corpus), so a rerun
 * resumes and only computes what is missing.
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
   * Everything the experiment produced.
   *
   * @param config the configuration
   * @param split the real train/test split
   * @param tokenizer the character vocabulary (from real training text)
   * @param generator the generator and the synthetic corpus
   * @param runs every training run, in grid order
   * @param computed runs computed now (the rest were read back from the database)
   * @param seconds wall time of this call
   */
  public record Outcome(LmExperimentConfig config, CorpusSplit split, CharTokenizer tokenizer,
      GeneratorResult generator, List<LmRunResult> runs, int computed, double seconds) {}

  /** Runs (or resumes) the experiment, writing the synthetic corpus into {@code dir} and cells into {@code store}. */
  public static Outcome run(LmExperimentConfig c, ResultStore store, Path dir, PrintStream log) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(dir);
    TextCorpus corpus = TextCorpus.load(c.corpus(), c.files(), c.unit());
    CorpusSplit split = CorpusSplit.of(corpus, c.testFraction(), c.splitChunk());
    CharTokenizer tok = CharTokenizer.fit(split.train());
    int[] train = tok.encodeStream(split.train());
    int[] test = tok.encodeStream(split.test());
    String corpusHash = CellKeys.sha256Hex(String.join("\n", split.train().stream().map(Document::text).toList())
        + "\u0000" + String.join("\n", split.test().stream().map(Document::text).toList()));
    log.printf("lm: corpus %s: %d documents, %d train / %d test (%d duplicates dropped), %d / %d characters, "
        + "vocabulary %d%n", c.corpus(), corpus.documents().size(), split.train().size(), split.test().size(),
        split.droppedDuplicates(), train.length, test.length, tok.vocabSize());
    int ctx = c.generator().context();
    EvalWindows curveEval = EvalWindows.of(test, ctx, c.curveEvalTokens());
    EvalWindows finalEval = EvalWindows.of(test, ctx, c.finalEvalTokens());

    ObjectNode common = JSON.createObjectNode();
    common.put("corpusHash", corpusHash);
    common.put("testFraction", c.testFraction());
    common.put("splitChunk", c.splitChunk());
    common.put("unit", c.unit().name());
    common.put("curveEvalTokens", c.curveEvalTokens());
    common.put("finalEvalTokens", c.finalEvalTokens());
    ObjectNode genCfg = common.deepCopy();
    genCfg.set("generator", JSON.valueToTree(c.generator()));
    genCfg.set("generatorPlan", JSON.valueToTree(c.generatorPlan()));
    genCfg.put("generatorSlice", c.generatorSlice());
    genCfg.put("temperature", c.temperature());
    genCfg.put("syntheticTokens", c.syntheticTokens());
    genCfg.put("baseSeed", c.baseSeed());
    String genJson = JSON.writeValueAsString(genCfg);
    String genKey = CellKeys.key(genJson, c.baseSeed());

    GeneratorResult gen = generator(c, store, dir, log, split, tok, finalEval, genJson, genKey);
    List<String> synthDocs = CharTokenizer.documents(Files.readString(dir.resolve(gen.syntheticFile())));
    int heldSynth = Math.max(1, synthDocs.size() / 20);
    List<Document> synthTrainDocs = new ArrayList<>();
    List<Document> synthTestDocs = new ArrayList<>();
    for (int i = 0; i < synthDocs.size(); i++) {
      (i >= synthDocs.size() - heldSynth ? synthTestDocs : synthTrainDocs).add(new Document("synthetic", i,
          synthDocs.get(i)));
    }
    int[] synthTrain = tok.encodeStream(synthTrainDocs);
    EvalWindows synthEval = EvalWindows.of(tok.encodeStream(synthTestDocs), ctx, c.curveEvalTokens());
    int[][] prompts = prompts(split.train(), tok, Math.max(1, c.samples()), 16, c.baseSeed());

    List<LmRunResult> runs = new ArrayList<>();
    int computed = 0;
    int total = c.seeds() * c.models().size() * c.p2s().size();
    int done = 0;
    for (int seed = 0; seed < c.seeds(); seed++) {
      for (GptConfig m : c.models()) {
        for (double p2 : c.p2s()) {
          done++;
          ObjectNode cfg = genCfg.deepCopy();
          cfg.put("generatorKey", genKey);
          cfg.set("model", JSON.valueToTree(m));
          cfg.set("plan", JSON.valueToTree(c.plan()));
          cfg.put("p2", p2);
          cfg.put("samples", seed == 0 ? c.samples() : 0);
          cfg.put("sampleLength", c.sampleLength());
          String cfgJson = JSON.writeValueAsString(cfg);
          long runSeed = c.baseSeed() * 1_000_003L + seed;
          String key = CellKeys.key(cfgJson, runSeed);
          Optional<StoredCell> hit = store.find(key);
          if (hit.isPresent()) {
            runs.add(JSON.readValue(hit.get().resultJson(), LmRunResult.class));
            continue;
          }
          String label = String.format("[%d/%d] %s p2=%s seed=%d", done, total, m.shape(), p2, seed);
          log.println("lm: " + label);
          long t0 = System.nanoTime();
          try (LanguageModel lm = LanguageModel.create(m, tok.vocabSize(), c.plan(), runSeed)) {
            MixtureSampler sampler = new MixtureSampler(train, synthTrain, p2, runSeed ^ 0x5DEECE66DL);
            TrainingCurve curve = lm.train(sampler, curveEval, log, label);
            double fin = lm.loss(finalEval);
            double syn = lm.loss(synthEval);
            List<String> samples = new ArrayList<>();
            if (seed == 0 && c.samples() > 0) {
              int[][] g = lm.generate(prompts, c.sampleLength(), c.temperature(), runSeed + 17);
              for (int i = 0; i < g.length; i++) {
                samples.add(tok.decode(prompts[i], 0, prompts[i].length) + tok.decode(g[i], 0, g[i].length));
              }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            LmRunResult r = new LmRunResult(m.name(), m.layers(), m.width(), lm.parameterCount(), p2, seed, curve,
                fin, syn, curve.tokensPerSecond(), samples, secs);
            store.put(StoredCell.now(key, EXPERIMENT, cfgJson, JSON.writeValueAsString(r), secs));
            log.printf("lm: %s final real-test %.4f nats/token, synthetic-test %.4f, %.0f tok/s, %.1f s%n", label,
                fin, syn, r.tokensPerSecond(), secs);
            runs.add(r);
            computed++;
          }
        }
      }
    }
    return new Outcome(c, split, tok, gen, runs, computed, (System.nanoTime() - start) / 1e9);
  }

  private static GeneratorResult generator(LmExperimentConfig c, ResultStore store, Path dir, PrintStream log,
      CorpusSplit split, CharTokenizer tok, EvalWindows finalEval, String genJson, String genKey)
      throws IOException {
    Optional<StoredCell> hit = store.find(genKey);
    if (hit.isPresent()) {
      GeneratorResult g = JSON.readValue(hit.get().resultJson(), GeneratorResult.class);
      if (Files.isRegularFile(dir.resolve(g.syntheticFile()))) {
        return g;
      }
    }
    long t0 = System.nanoTime();
    GptConfig m = c.generator();
    int[] slice = tok.encodeStream(split.trainSlice(c.generatorSlice()));
    log.printf("lm: training the generator %s on %d tokens of real training text%n", m.shape(),
        c.generatorPlan().tokens());
    try (LanguageModel lm = LanguageModel.create(m, tok.vocabSize(), c.generatorPlan(), c.baseSeed() + 101)) {
      TrainingCurve curve = lm.train(new MixtureSampler(slice, null, 0.0, c.baseSeed() + 202),
          EvalWindows.of(tok.encodeStream(split.test()), m.context(), c.curveEvalTokens()), log, "generator");
      double loss = lm.loss(finalEval);
      int rows = (int) Math.max(64, Math.min(1024, c.syntheticTokens() / 1000));
      int length = (int) Math.min(Integer.MAX_VALUE, (c.syntheticTokens() + rows - 1) / rows);
      int[][] prompts = prompts(split.train(), tok, rows, 16, c.baseSeed() + 303);
      log.printf("lm: generator real-test loss %.4f nats/token; sampling %d synthetic tokens at temperature %s%n",
          loss, (long) rows * length, c.temperature());
      long g0 = System.nanoTime();
      int[][] out = lm.generate(prompts, length, c.temperature(), c.baseSeed() + 404);
      double genSecs = (System.nanoTime() - g0) / 1e9;
      StringBuilder text = new StringBuilder();
      for (int[] row : out) {
        // each stream starts mid-document: drop everything before its first separator
        int first = 0;
        while (first < row.length && row[first] != CharTokenizer.SEPARATOR) {
          first++;
        }
        text.append(tok.decode(row, Math.min(row.length, first + 1), row.length)).append('\n');
      }
      String file = "synthetic-" + genKey.substring(0, 12) + ".txt";
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
      GeneratorResult g = new GeneratorResult(m.shape(), curve.tokens(), loss, curve.tokensPerSecond(),
          (long) rows * length, (long) rows * length / genSecs, file, text.substring(0, Math.min(1500,
          text.length())), (System.nanoTime() - t0) / 1e9);
      store.put(StoredCell.now(genKey, GENERATOR_EXPERIMENT, genJson, JSON.writeValueAsString(g), g.seconds()));
      log.printf("lm: generated %d tokens in %.1f s (%.0f tok/s) into %s%n", g.generatedTokens(), genSecs,
          g.generationTokensPerSecond(), file);
      return g;
    }
  }

  /** Prompts: the first {@code length} characters of training documents at least that long, chosen by seed. */
  static int[][] prompts(List<Document> train, CharTokenizer tok, int count, int length, long seed) {
    List<Document> longOnes = train.stream().filter(d -> d.text().length() >= 4 * length).toList();
    if (longOnes.isEmpty()) {
      longOnes = train.stream().filter(d -> d.text().length() >= length).toList();
    }
    SplittableRandom r = new SplittableRandom(seed);
    int[][] out = new int[count][];
    for (int i = 0; i < count; i++) {
      if (longOnes.isEmpty()) {
        out[i] = new int[] {CharTokenizer.SEPARATOR};
      } else {
        out[i] = tok.encode(longOnes.get(r.nextInt(longOnes.size())).text().substring(0, length));
      }
    }
    return out;
  }

  static ArrayNode array(double[] v) {
    ArrayNode a = JSON.createArrayNode();
    for (double d : v) {
      a.add(d);
    }
    return a;
  }
}
