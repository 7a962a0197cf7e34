package org.collapselab.nn.text.corpus;

import org.collapselab.nn.common.Checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.validation.ParameterException;

/**
 * A train/test split of a corpus in which no model ever sees the test documents. Documents are grouped into
 * consecutive chunks of {@code chunk} documents (so a held-out passage is not surrounded by its own neighbours in
 * the training set), and chunks are assigned to test at evenly spaced positions so that exactly
 * ⌊(number of chunks)·testFraction⌋ chunks, spread over all files, are held out. Any training document whose text is
 * identical to a test document is then dropped from training, so the test split cannot leak through duplicates.
 *
 * @param train training documents
 * @param test held-out real test documents
 * @param droppedDuplicates training documents removed because a test document has the same text
 */
public record CorpusSplit(List<Document> train, List<Document> test, int droppedDuplicates) {
  public CorpusSplit {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /** Splits deterministically (no randomness: the same corpus always gives the same split). */
  public static CorpusSplit of(TextCorpus corpus, double testFraction, int chunk) {
    Checks.doubleIn("lm.testFraction", testFraction, 0.01, 0.5);
    Checks.intIn("lm.splitChunk", chunk, 1, 100_000);
    List<Document> docs = corpus.documents();
    int chunks = (docs.size() + chunk - 1) / chunk;
    List<Document> train = new ArrayList<>();
    List<Document> test = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      boolean held = Math.floor((k + 1) * testFraction) > Math.floor(k * testFraction);
      List<Document> part = docs.subList(k * chunk, Math.min(docs.size(), (k + 1) * chunk));
      (held ? test : train).addAll(part);
    }
    if (test.isEmpty() || train.isEmpty()) {
      throw new ParameterException("lm.testFraction", testFraction,
          "such that both splits are non-empty (corpus has " + docs.size() + " documents in " + chunks
              + " chunks of " + chunk + ")");
    }
    Set<String> testTexts = new HashSet<>();
    for (Document d : test) {
      testTexts.add(d.text());
    }
    int before = train.size();
    train.removeIf(d -> testTexts.contains(d.text()));
    return new CorpusSplit(train, test, before - train.size());
  }

  /** The documents {@code fraction} of the way into training, as a contiguous slice starting at the front. */
  public List<Document> trainSlice(double fraction) {
    Checks.doubleIn("slice", fraction, 0.0, 1.0);
    return train.subList(0, Math.max(1, (int) Math.round(train.size() * fraction)));
  }
}
