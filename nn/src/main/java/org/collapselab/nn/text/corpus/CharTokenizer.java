package org.collapselab.nn.text.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapselab.nn.text.corpus.TextCorpus.Document;

/**
 * Character-level tokenizer. The vocabulary is id 0 = unknown character (shown as {@code �}), id 1 = the document
 * separator (a line break), then every distinct character (UTF-16 code unit) of the training documents in sorted
 * order. Built from training text only, so test characters never seen in training map to the unknown id.
 */
public final class CharTokenizer {
    /** Id of characters not in the vocabulary. */
    public static final int UNKNOWN = 0;
    /** Id of the document separator. */
    public static final int SEPARATOR = 1;

    private static final char UNKNOWN_CHAR = '\uFFFD';

    private final char[] chars;
    private final int[] ids = new int[Character.MAX_VALUE + 1];

    private CharTokenizer(char[] chars) {
        this.chars = chars;
        for (int i = 0; i < chars.length; i++) {
            if (i != UNKNOWN) {
                ids[chars[i]] = i;
            }
        }
    }

    /** Builds the vocabulary from the given (training) documents. */
    public static CharTokenizer fit(List<Document> documents) {
        TreeSet<Character> set = new TreeSet<>();
        for (Document d : documents) {
            String t = d.text();
            for (int i = 0; i < t.length(); i++) {
                set.add(t.charAt(i));
            }
        }
        set.remove('\n');
        set.remove(UNKNOWN_CHAR);
        char[] cs = new char[set.size() + 2];
        cs[UNKNOWN] = UNKNOWN_CHAR;
        cs[SEPARATOR] = '\n';
        int i = 2;
        for (char c : set) {
            cs[i++] = c;
        }
        return new CharTokenizer(cs);
    }

    /** Number of token ids. */
    public int vocabSize() {
        return chars.length;
    }

    /** The vocabulary as a string, in id order. */
    public String alphabet() {
        return new String(chars);
    }

    /** Id of one character. */
    public int id(char c) {
        return ids[c];
    }

    /** Encodes text; unknown characters become {@link #UNKNOWN}. */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids[text.charAt(i)];
        }
        return out;
    }

    /** Decodes ids back to text. */
    public String decode(int[] tokens, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            b.append(chars[tokens[i]]);
        }
        return b.toString();
    }

    /** Encodes documents as one stream: each document followed by the separator. */
    public int[] encodeStream(List<Document> documents) {
        int n = 0;
        for (Document d : documents) {
            n += d.text().length() + 1;
        }
        int[] out = new int[n];
        int p = 0;
        for (Document d : documents) {
            String t = d.text();
            for (int i = 0; i < t.length(); i++) {
                out[p++] = ids[t.charAt(i)];
            }
            out[p++] = SEPARATOR;
        }
        return out;
    }

    /** Splits generated text into documents at separators (empty pieces dropped). */
    public static List<String> documents(String generated) {
        List<String> out = new ArrayList<>();
        for (String s : generated.split("\n")) {
            String t = TextCorpus.normalise(s);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
