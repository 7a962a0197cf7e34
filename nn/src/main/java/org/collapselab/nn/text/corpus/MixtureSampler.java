package org.collapselab.nn.text.corpus;

import org.collapselab.nn.common.Checks;

import java.util.SplittableRandom;

/**
 * Draws training windows from a mixture of a real and a synthetic token stream: each sequence of a batch comes from
 * the synthetic stream with probability {@code p2} and from the real stream otherwise, at a uniformly random offset
 * (random crops, as in nanoGPT-style training). Only the two given streams are ever read, so passing the training
 * split here is what keeps the test split out of training.
 */
public final class MixtureSampler {
  private final int[] real;
  private final int[] synthetic;
  private final double p2;
  private final SplittableRandom random;
  private long realTokens;
  private long syntheticTokens;

  /**
   * @param real encoded real training stream
   * @param synthetic encoded synthetic stream (may be null when {@code p2 = 0})
   * @param p2 synthetic share in [0, 1]
   * @param seed seed of the window choice
   */
  public MixtureSampler(int[] real, int[] synthetic, double p2, long seed) {
    Checks.doubleIn("p2", p2, 0.0, 1.0);
    if (p2 > 0 && (synthetic == null || synthetic.length < 2)) {
      throw new IllegalArgumentException("p2 > 0 needs a synthetic stream");
    }
    if (p2 < 1 && (real == null || real.length < 2)) {
      throw new IllegalArgumentException("p2 < 1 needs a real stream");
    }
    this.real = real;
    this.synthetic = synthetic;
    this.p2 = p2;
    this.random = new SplittableRandom(seed);
  }

  /** Fills inputs x and next-token targets y (both batch × context, row-major). */
  public void next(int batch, int context, int[] x, int[] y) {
    for (int b = 0; b < batch; b++) {
      boolean synth = p2 >= 1 || (p2 > 0 && random.nextDouble() < p2);
      int[] src = synth ? synthetic : real;
      int span = Math.min(context, src.length - 1);
      int o = random.nextInt(src.length - span);
      for (int t = 0; t < context; t++) {
        int i = o + Math.min(t, span - 1);
        x[b * context + t] = src[i];
        y[b * context + t] = src[i + 1];
      }
      if (synth) {
        syntheticTokens += context;
      } else {
        realTokens += context;
      }
    }
  }

  /** Real tokens drawn so far. */
  public long realTokens() {
    return realTokens;
  }

  /** Synthetic tokens drawn so far. */
  public long syntheticTokens() {
    return syntheticTokens;
  }
}
