package org.collapselab.nn.text.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.collapselab.validation.ParameterException;

/**
 * Drops bad generated documents before they are used as synthetic training data, as the paper filters its generated
 * stories: a document is dropped when its dictionary-word share is below {@code minDictionaryShare} (gibberish), or
 * when it has fewer than {@code minWords} words; then, among the documents left, by their loss under the generator
 * (mean nats per token, the log of the paper's perplexity): those above {@code maxLoss}, and the share
 * {@code dropWorstLoss} with the highest loss (a perplexity filter relative to the generator's own samples). Each
 * rule can be switched off (0, +∞, 0).
 *
 * @param minDictionaryShare smallest dictionary-word share kept, in [0, 1] (ignored when no dictionary is installed)
 * @param maxLoss largest loss per token kept, &gt; 0 (+∞ = no absolute loss threshold)
 * @param minWords fewest words a kept document has
 * @param dropWorstLoss share in [0, 1) of the documents that pass the word rules dropped for the highest loss
 */
public record SampleFilter(double minDictionaryShare, double maxLoss, int minWords, double dropWorstLoss)
        implements java.io.Serializable {
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
        if (!(dropWorstLoss >= 0 && dropWorstLoss < 1)) {
            throw new ParameterException("filter.drop_worst_loss", dropWorstLoss, "in [0, 1)");
        }
    }

    /** A filter that keeps everything. */
    public static SampleFilter none() {
        return new SampleFilter(0, Double.POSITIVE_INFINITY, 0, 0);
    }

    /** Whether a loss under the generator is needed ({@link #apply}'s {@code losses} is then called). */
    public boolean usesLoss() {
        return Double.isFinite(maxLoss) || dropWorstLoss > 0;
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
     * @param droppedLoss dropped by the loss rules
     * @param lossCut the loss per token above which documents were dropped (NaN when no loss rule applied)
     */
    public record Result(
            List<String> kept,
            long keptTokens,
            long droppedTokens,
            int droppedShort,
            int droppedDictionary,
            int droppedLoss,
            double lossCut) {
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
     * @param losses loss per token under the generator of each of the given documents (called once, with the
     *     documents that pass the word rules), or null (then the loss rules are not applied)
     * @param tokens number of tokens of a document (without its separator)
     */
    public Result apply(
            List<String> docs,
            WordList dictionary,
            Function<List<String>, double[]> losses,
            ToIntFunction<String> tokens) {
        int shortOnes = 0;
        int dict = 0;
        List<String> worded = new ArrayList<>();
        for (String d : docs) {
            List<String> words = TextMeasures.words(d);
            if (words.size() < minWords) {
                shortOnes++;
            } else if (dictionary != null
                    && minDictionaryShare > 0
                    && TextMeasures.dictionaryShare(words, dictionary) < minDictionaryShare) {
                dict++;
            } else {
                worded.add(d);
            }
        }
        boolean[] drop = new boolean[worded.size()];
        int lossy = 0;
        double cut = Double.NaN;
        if (losses != null && usesLoss() && !worded.isEmpty()) {
            double[] l = losses.apply(worded).clone();
            for (int i = 0; i < l.length; i++) {
                l[i] = Double.isNaN(l[i]) ? Double.POSITIVE_INFINITY : l[i]; // no loss: among the worst, never kept
            }
            double[] sorted = l.clone();
            Arrays.sort(sorted);
            int keep = worded.size() - (int) Math.floor(dropWorstLoss * worded.size());
            cut = Math.min(maxLoss, sorted[keep - 1]);
            int atCut = 0; // ties at the cut: keep the earliest ones, so exactly `keep` documents at most
            for (int i = 0; i < keep; i++) {
                atCut += sorted[i] == cut ? 1 : 0;
            }
            for (int i = 0; i < l.length; i++) {
                boolean tie = l[i] == cut && atCut-- > 0;
                drop[i] = !(Double.isFinite(l[i]) && (l[i] < cut || tie));
                lossy += drop[i] ? 1 : 0;
            }
        }
        List<String> kept = new ArrayList<>();
        long keptTokens = 0;
        long droppedTokens = 0;
        for (String d : docs) {
            droppedTokens += tokens.applyAsInt(d) + 1L;
        }
        for (int i = 0; i < worded.size(); i++) {
            if (!drop[i]) {
                String d = worded.get(i);
                long n = tokens.applyAsInt(d) + 1L;
                kept.add(d);
                keptTokens += n;
                droppedTokens -= n;
            }
        }
        return new Result(kept, keptTokens, droppedTokens, shortOnes, dict, lossy, cut);
    }
}
