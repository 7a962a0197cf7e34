package org.collapselab.nn.text.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How word-like and how diverse a text is. Words are runs of letters with an optional apostrophe part ("don't",
 * "dog's"), compared in lower case.
 *
 * <ul>
 *   <li>dictionary share: words found in the dictionary / all words (NaN when no dictionary is installed);
 *   <li>distinct-n (Li et al. 2016): distinct word n-grams / all word n-grams, n = 1, 2, 3 (1 = no repetition);
 *   <li>unigram entropy: −Σ p(w) log2 p(w) over the word frequencies, in bits.
 * </ul>
 *
 * @param words number of words
 * @param dictionaryShare share of words in the dictionary, NaN if not measured
 * @param distinct1 distinct unigrams / unigrams
 * @param distinct2 distinct bigrams / bigrams
 * @param distinct3 distinct trigrams / trigrams
 * @param unigramEntropyBits entropy of the word distribution in bits
 */
public record TextMeasures(
        long words,
        double dictionaryShare,
        double distinct1,
        double distinct2,
        double distinct3,
        double unigramEntropyBits) {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");

    /** Measures a text; {@code dictionary} may be null (then the share is NaN). */
    public static TextMeasures of(String text, WordList dictionary) {
        List<String> w = words(text);
        return new TextMeasures(
                w.size(),
                dictionary == null ? Double.NaN : dictionaryShare(w, dictionary),
                distinct(w, 1),
                distinct(w, 2),
                distinct(w, 3),
                entropyBits(w));
    }

    /** The words of a text, lower-cased, in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Share of words in the dictionary (NaN for no words). */
    public static double dictionaryShare(List<String> words, WordList dictionary) {
        if (words.isEmpty()) {
            return Double.NaN;
        }
        long hit = words.stream().filter(dictionary::contains).count();
        return hit / (double) words.size();
    }

    /** Distinct n-grams / all n-grams (NaN when the text has fewer than n words). */
    public static double distinct(List<String> words, int n) {
        int total = words.size() - n + 1;
        if (total <= 0) {
            return Double.NaN;
        }
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < total; i++) {
            seen.add(words.subList(i, i + n));
        }
        return seen.size() / (double) total;
    }

    /** Entropy in bits of the word frequencies (0 for no words). */
    public static double entropyBits(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        double h = 0;
        for (int c : counts.values()) {
            double p = c / (double) words.size();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
