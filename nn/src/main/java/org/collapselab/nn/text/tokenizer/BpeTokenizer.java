package org.collapselab.nn.text.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-pair-encoding tokenizer (Sennrich, Haddow and Birch 2016; GPT-2-style pre-tokenization), trained on the
 * training split only. Written here because no maintained Java library trains BPE offline: DJL's HuggingFace binding
 * ({@code ai.djl.huggingface:tokenizers}) only loads a ready {@code tokenizer.json}, and jtokkit only encodes with
 * OpenAI's fixed vocabularies.
 *
 * <p>Vocabulary: id 0 = unknown character ({@code �}), id 1 = document separator (a line break), then every distinct
 * character (UTF-16 code unit) of the training text in sorted order, then one token per merge in merge order. Text is
 * cut into pieces (a word with its leading space, a number, a run of punctuation, whitespace) that merges never cross,
 * so decoding the encoding of any text made of training characters gives the text back exactly.
 */
public final class BpeTokenizer {
    /** Id of characters not in the vocabulary. */
    public static final int UNKNOWN = 0;
    /** Id of the document separator. */
    public static final int SEPARATOR = 1;

    private static final char UNKNOWN_CHAR = '\uFFFD';
    private static final Pattern PIECES = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    /**
     * One merge: tokens {@code left} and {@code right} become token {@code id}.
     *
     * @param left id of the left token
     * @param right id of the right token
     * @param id id of the merged token
     */
    public record Merge(int left, int right, int id) {}

    private final List<String> tokens;
    private final List<Merge> merges;
    private final int[] charIds = new int[Character.MAX_VALUE + 1];
    private final Map<Long, Integer> rank = new HashMap<>();
    private final Map<String, int[]> cache = new HashMap<>();

    /** Rebuilds a tokenizer from its base alphabet (sorted characters) and its merges in order. */
    public BpeTokenizer(String alphabet, List<Merge> merges) {
        List<String> t = new ArrayList<>();
        t.add(String.valueOf(UNKNOWN_CHAR));
        t.add("\n");
        for (char c : alphabet.toCharArray()) {
            charIds[c] = t.size();
            t.add(String.valueOf(c));
        }
        for (Merge m : merges) {
            if (m.id() != t.size() || m.left() >= m.id() || m.right() >= m.id()) {
                throw new IllegalArgumentException(
                        "merge " + m + " does not follow the vocabulary of size " + t.size());
            }
            rank.put(pair(m.left(), m.right()), m.id());
            t.add(t.get(m.left()) + t.get(m.right()));
        }
        this.tokens = List.copyOf(t);
        this.merges = List.copyOf(merges);
    }

    /**
     * Learns merges from training documents until the vocabulary has {@code vocabSize} tokens or no pair occurs at
     * least {@code minCount} times. Deterministic: the most frequent pair wins, ties go to the smallest (left, right) ids.
     */
    public static BpeTokenizer train(List<String> documents, int vocabSize, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        TreeSet<Character> chars = new TreeSet<>();
        Map<String, Long> counts = new HashMap<>();
        for (String d : documents) {
            Matcher m = PIECES.matcher(d);
            while (m.find()) {
                counts.merge(m.group(), 1L, Long::sum);
            }
            for (int i = 0; i < d.length(); i++) {
                chars.add(d.charAt(i));
            }
        }
        chars.remove('\n');
        chars.remove(UNKNOWN_CHAR);
        StringBuilder alphabet = new StringBuilder();
        chars.forEach(alphabet::append);
        BpeTokenizer base = new BpeTokenizer(alphabet.toString(), List.of());
        List<String> words = counts.keySet().stream().sorted().toList();
        List<int[]> symbols = new ArrayList<>(words.size());
        long[] freq = new long[words.size()];
        for (int w = 0; w < words.size(); w++) {
            String s = words.get(w);
            int[] ids = new int[s.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = base.charIds[s.charAt(i)];
            }
            symbols.add(ids);
            freq[w] = counts.get(s);
        }
        List<Merge> merges = new PairCounts(symbols, freq).learn(base.tokens.size(), vocabSize, minCount);
        return new BpeTokenizer(alphabet.toString(), merges);
    }

    /** The pieces of a line that merges never cross (their concatenation is the line). */
    static List<String> pieces(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECES.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    /** Number of token ids. */
    public int vocabSize() {
        return tokens.size();
    }

    /** The merges in the order they were learned. */
    public List<Merge> merges() {
        return merges;
    }

    /** The base alphabet (training characters, sorted). */
    public String alphabet() {
        StringBuilder b = new StringBuilder();
        for (int i = 2; i < tokens.size() - merges.size(); i++) {
            b.append(tokens.get(i));
        }
        return b.toString();
    }

    /** The text of one token. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Encodes text; characters never seen in training become {@link #UNKNOWN}, line breaks {@link #SEPARATOR}. */
    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int n = 0;
        int start = 0;
        for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', start)) {
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            Matcher m = PIECES.matcher(line);
            while (m.find()) {
                int[] p = piece(m.group());
                parts.add(p);
                n += p.length;
            }
            if (nl < 0) {
                break;
            }
            parts.add(new int[] {SEPARATOR});
            n++;
            start = nl + 1;
        }
        int[] out = new int[n];
        int o = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Encodes documents as one stream: each document followed by the separator. */
    public int[] encodeStream(List<String> documents) {
        return encode(String.join("\n", documents) + "\n");
    }

    /** Decodes ids {@code from} (inclusive) to {@code to} (exclusive) back to text. */
    public String decode(int[] ids, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(tokens.get(ids[i]));
        }
        return b.toString();
    }

    /** Decodes all ids. */
    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    private synchronized int[] piece(String s) {
        int[] cached = cache.get(s);
        if (cached != null) {
            return cached;
        }
        int[] sym = new int[s.length()];
        for (int i = 0; i < sym.length; i++) {
            char c = s.charAt(i);
            sym[i] = c == UNKNOWN_CHAR ? UNKNOWN : charIds[c];
        }
        int len = sym.length;
        while (len > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < len; i++) {
                Integer r = rank.get(pair(sym[i], sym[i + 1]));
                if (r != null && r < best) {
                    best = r;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            sym[at] = best;
            System.arraycopy(sym, at + 2, sym, at + 1, len - at - 2);
            len--;
        }
        int[] out = java.util.Arrays.copyOf(sym, len);
        if (cache.size() < 200_000) {
            cache.put(s, out);
        }
        return out;
    }
}
