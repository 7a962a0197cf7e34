package org.collapselab.nn.text.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.collapselab.validation.ParameterException;

/**
 * Drops bad generated documents before they are used as synthetic training data, as the paper filters its generated
 * stories: a document is dropped when its dictionary-word share is below {@code minDictionaryShare} (gibberish), or
 * when its loss under the generator (nats per token) is above {@code maxLoss} (the generator's own unlikely samples),
 * or when it has fewer than {@code minWords} words. Either threshold can be switched off (0 and +∞).
 *
 * @param minDictionaryShare smallest dictionary-word share kept, in [0, 1] (ignored when no dictionary is installed)
 * @param maxLoss largest loss per token kept, &gt; 0 (+∞ = no loss filter)
 * @param minWords fewest words a kept document has
 */
public record SampleFilter(double minDictionaryShare, double maxLoss, int minWords) implements java.io.Serializable {
  public SampleFilter {
    if (!(minDictionaryShare >= 0 && minDictionaryShare <= 1)) {
      throw new ParameterException("filter.min_dictionary_share", minDictionaryShare, "in [0, 1]");
    }
    if (!(maxLoss > 0)) {
      throw new ParameterException("filter.max_loss", maxLoss, "a number > 0 (nats per token), or .inf");
    }
    if (minWords < 0) {
      throw new ParameterException("filter.min_words", minWords, "an integer >= 0");
    }
  }

  /** A filter that keeps everything. */
  public static SampleFilter none() {
    return new SampleFilter(0, Double.POSITIVE_INFINITY, 0);
  }

  /**
   * What the filter kept and why it dropped the rest; token counts are exact under the tokenizer given to
   * {@link #apply} (each document's tokens plus its separator).
   *
   * @param kept documents kept, in order
   * @param keptTokens tokens of the kept documents, separators included
   * @param droppedTokens tokens of the dropped documents, separators included
   * @param droppedShort dropped for having fewer than minWords words
   * @param droppedDictionary dropped for a dictionary share below the threshold
   * @param droppedLoss dropped for a loss above the threshold
   */
  public record Result(List<String> kept, long keptTokens, long droppedTokens, int droppedShort,
      int droppedDictionary, int droppedLoss) {
    public Result {
      kept = List.copyOf(kept);
    }

    /** Documents dropped for any reason. */
    public int dropped() {
      return droppedShort + droppedDictionary + droppedLoss;
    }
  }

  /**
   * Filters documents.
   *
   * @param docs generated documents
   * @param dictionary word list, or null (then the dictionary threshold is not applied)
   * @param loss loss per token of a document under the generator, or null (then the loss threshold is not applied)
   * @param tokens number of tokens of a document (without its separator)
   */
  public Result apply(List<String> docs, WordList dictionary, ToDoubleFunction<String> loss,
      ToIntFunction<String> tokens) {
    List<String> kept = new ArrayList<>();
    long keptTokens = 0;
    long droppedTokens = 0;
    int shortOnes = 0;
    int dict = 0;
    int lossy = 0;
    for (String d : docs) {
      List<String> words = TextMeasures.words(d);
      long n = tokens.applyAsInt(d) + 1L;
      boolean drop = true;
      if (words.size() < minWords) {
        shortOnes++;
      } else if (dictionary != null && minDictionaryShare > 0
          && TextMeasures.dictionaryShare(words, dictionary) < minDictionaryShare) {
        dict++;
      } else if (loss != null && Double.isFinite(maxLoss) && !(loss.applyAsDouble(d) <= maxLoss)) {
        lossy++;
      } else {
        drop = false;
      }
      if (drop) {
        droppedTokens += n;
      } else {
        kept.add(d);
        keptTokens += n;
      }
    }
    return new Result(kept, keptTokens, droppedTokens, shortOnes, dict, lossy);
  }
}
