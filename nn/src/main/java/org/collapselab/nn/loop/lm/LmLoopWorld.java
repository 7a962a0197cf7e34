package org.collapselab.nn.loop.lm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.nn.loop.LoopArm;
import org.collapselab.nn.loop.LoopResult;
import org.collapselab.nn.loop.LoopSeeds;
import org.collapselab.nn.loop.RetrainingLoop;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.model.LanguageModel;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.nn.text.quality.WordList;
import org.collapselab.nn.text.corpus.PreparedCorpus;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;

/**
 * The language-model loop's data and models (see {@link LmLoopConfig}): rows are token segments; a generation's
 * model writes n rows after training (its sample: measured for diversity, saved, and the synthetic rows of the next
 * generation).
 */
final class LmLoopWorld implements RetrainingLoop.World<int[], LmLoopWorld.Model> {
  /** A trained model and the rows it sampled (set by {@link #measure}). */
  static final class Model implements AutoCloseable {
    final LanguageModel lm;
    int[][] samples;

    Model(LanguageModel lm) {
      this.lm = lm;
    }

    @Override
    public void close() {
      lm.close();
    }
  }

  private final LmLoopConfig c;
  private final PreparedCorpus d;
  private final long loopSeed;
  private final int[][] realSegments;
  private final WordList dictionary;
  private final PrintStream log;
  private final String label;
  private int nextReal;

  private LmLoopWorld(LmLoopConfig c, PreparedCorpus d, LoopArm arm, int seed, PrintStream log) {
    this.c = c;
    this.d = d;
    this.loopSeed = LoopSeeds.loop(c.baseSeed(), seed);
    this.realSegments = segments(d.train(), c.rowTokens(), LoopSeeds.derive(loopSeed, 1));
    this.dictionary = WordList.system().orElse(null);
    this.log = log;
    this.label = arm.label() + " seed=" + seed;
  }

  /** One whole loop. */
  static LoopResult run(LmLoopConfig c, PreparedCorpus d, LoopArm arm, int seed, PrintStream log)
      throws Exception {
    long t0 = System.nanoTime();
    LmLoopWorld w = new LmLoopWorld(c, d, arm, seed, log);
    int need = c.rows() + (int) Math.ceil(c.generations() * (double) arm.realRows(c.rows()));
    if (need > w.realSegments.length) {
      throw new IllegalArgumentException("the loop needs " + need + " real rows of " + c.rowTokens() + " tokens, the "
          + "training split has " + w.realSegments.length);
    }
    // the reference: real text of one generation's size (the rows generation 0 trains on)
    TextMeasures reference = TextMeasures.of(w.text(Arrays.copyOf(w.realSegments, c.rows())), w.dictionary);
    var gens = RetrainingLoop.run(w, arm, c.generations(), c.rows(), LoopSeeds.derive(w.loopSeed, 2));
    return new LoopResult(arm.schedule().key(), arm.freshReal(), seed, gens, reference,
        (System.nanoTime() - t0) / 1e9);
  }

  /** The stream cut into whole segments of {@code length} tokens, in an order shuffled by {@code seed}. */
  static int[][] segments(int[] stream, int length, long seed) {
    int count = stream.length / length;
    int[] order = LoopSeeds.permutation(count, seed);
    int[][] out = new int[count][];
    for (int i = 0; i < count; i++) {
      out[i] = Arrays.copyOfRange(stream, order[i] * length, order[i] * length + length);
    }
    return out;
  }

  @Override
  public List<int[]> rows(int generation, int realCount, int n, Model previous) {
    List<int[]> out = new ArrayList<>(n);
    for (int i = 0; i < realCount; i++) {
      out.add(realSegments[nextReal++]);
    }
    for (int i = 0; out.size() < n; i++) {
      int[] s = previous.samples[i];
      int[] row = new int[s.length + 1];
      row[0] = BpeTokenizer.SEPARATOR; // a sampled row starts a document, as it did when it was sampled
      System.arraycopy(s, 0, row, 1, s.length);
      out.add(row);
    }
    return out;
  }

  @Override
  public Model train(List<RetrainingLoop.Row<int[]>> rows, int generation) {
    int total = 0;
    for (RetrainingLoop.Row<int[]> r : rows) {
      total += r.value().length;
    }
    int[] stream = new int[total];
    int at = 0;
    for (RetrainingLoop.Row<int[]> r : rows) {
      System.arraycopy(r.value(), 0, stream, at, r.value().length);
      at += r.value().length;
    }
    long s = LoopSeeds.derive(loopSeed, 100 + generation);
    LanguageModel lm = LanguageModel.create(c.model(), d.tokenizer().vocabSize(), c.plan(), s);
    try {
      lm.train(MixtureSampler.realOnly(stream, s ^ 0x5DEECE66DL), d.curveEval(), log,
          String.format(Locale.ROOT, "%s gen %d", label, generation));
    } catch (RuntimeException e) {
      lm.close();
      throw e;
    }
    return new Model(lm);
  }

  @Override
  public RetrainingLoop.Measurement measure(Model m, int generation) {
    double loss = m.lm.loss(d.finalEval());
    int[][] prompts = new int[c.rows()][];
    for (int i = 0; i < prompts.length; i++) {
      prompts[i] = new int[] {BpeTokenizer.SEPARATOR};
    }
    m.samples = m.lm.generate(prompts, c.rowTokens() - 1, c.temperature(), LoopSeeds.derive(loopSeed,
        200 + generation));
    String text = text(m.samples);
    return new RetrainingLoop.Measurement(loss, Double.NaN, TextMeasures.of(text, dictionary),
        text.substring(0, Math.min(text.length(), c.sampleChars())));
  }

  /** Rows decoded, one paragraph each. */
  private String text(int[][] rows) {
    StringBuilder b = new StringBuilder();
    for (int[] r : rows) {
      b.append(d.tokenizer().decode(r, 0, r.length).strip()).append("\n\n");
    }
    return b.toString();
  }
}
