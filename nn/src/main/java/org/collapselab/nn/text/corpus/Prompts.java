package org.collapselab.nn.text.corpus;

import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.text.corpus.TextCorpus.Document;

/** Generation prompts drawn from real training documents. */
public final class Prompts {
  private Prompts() {}

  /** The first {@code length} characters of {@code count} training documents at least that long, chosen by seed. */
  public static int[][] of(List<Document> train, CharTokenizer tok, int count, int length, long seed) {
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
}
