package org.collapselab.nn.text.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;

/** Generation prompts drawn from real training documents. */
public final class Prompts {
    /** Prompt length in tokens (about 16 characters of English). */
    public static final int TOKENS = 5;

    private Prompts() {}

    /**
     * The first {@code length} tokens of {@code count} training documents, chosen by seed among those long enough
     * (all prompts have the same length; a document shorter than that is left-padded with separators).
     */
    public static int[][] of(List<Document> train, BpeTokenizer tok, int count, int length, long seed) {
        List<Document> longOnes =
                train.stream().filter(d -> d.text().length() >= 16 * length).toList();
        if (longOnes.isEmpty()) {
            longOnes =
                    train.stream().filter(d -> d.text().length() >= 4 * length).toList();
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            int[] ids = longOnes.isEmpty()
                    ? new int[0]
                    : tok.encode(longOnes.get(r.nextInt(longOnes.size())).text());
            if (ids.length < length) {
                out[i] = new int[length];
                Arrays.fill(out[i], BpeTokenizer.SEPARATOR);
                System.arraycopy(ids, 0, out[i], length - ids.length, ids.length);
            } else {
                out[i] = Arrays.copyOf(ids, length);
            }
        }
        return out;
    }
}
