package org.collapselab.nn.text.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.text.tokenizer.BpeTokenizer.Merge;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
    @Test
    void learnsTheTextbookExample() {
        // "aaabdaaabac": aa (4 pairs) first; then ab and (aa,a) tie at 2 and the smaller ids (a,b) win; then (aa,ab)
        BpeTokenizer t = BpeTokenizer.train(List.of("aaabdaaabac"), 100, 2);
        assertThat(t.alphabet()).isEqualTo("abcd");
        int a = 2;
        int b = 3;
        assertThat(t.merges()).containsExactly(new Merge(a, a, 6), new Merge(a, b, 7), new Merge(6, 7, 8));
        assertThat(t.token(8)).isEqualTo("aaab");
        int[] ids = t.encode("aaabdaaabac");
        assertThat(ids).containsExactly(8, 5, 8, a, 4);
    }

    @Test
    void roundTripsTextOfTrainingCharacters() {
        List<String> docs = corpus(300, 1);
        BpeTokenizer t = BpeTokenizer.train(docs, 60, 2);
        assertThat(t.vocabSize()).isEqualTo(60);
        // 25 distinct words: with a large budget merging stops once every piece is one token
        BpeTokenizer all = BpeTokenizer.train(docs, 10_000, 1);
        assertThat(all.vocabSize()).isLessThan(10_000);
        for (String d : docs.subList(0, 5)) {
            assertThat(all.encode(d).length).isEqualTo(BpeTokenizer.pieces(d).size()); // one token per piece
        }
        for (String d : corpus(50, 2)) {
            int[] ids = t.encode(d);
            assertThat(t.decode(ids)).isEqualTo(d);
            assertThat(ids.length).isLessThan(d.length()); // merges compress
        }
        assertThat(t.decode(t.encodeStream(docs.subList(0, 3))))
                .isEqualTo(String.join("\n", docs.subList(0, 3)) + "\n");
    }

    @Test
    void mergesAreDeterministicAndRebuildable() {
        List<String> docs = corpus(200, 3);
        BpeTokenizer a = BpeTokenizer.train(docs, 200, 2);
        BpeTokenizer b = BpeTokenizer.train(new ArrayList<>(docs), 200, 2);
        assertThat(a.merges()).isEqualTo(b.merges());
        BpeTokenizer c = new BpeTokenizer(a.alphabet(), a.merges());
        assertThat(c.encode(docs.get(0))).isEqualTo(a.encode(docs.get(0)));
    }

    @Test
    void unseenCharactersAreUnknownAndMergesNeverCrossWords() {
        BpeTokenizer t = BpeTokenizer.train(List.of("the cat the cat the cat"), 50, 2);
        int[] ids = t.encode("the zebra");
        assertThat(ids).contains(BpeTokenizer.UNKNOWN);
        for (int i = 0; i < t.vocabSize(); i++) {
            String tok = t.token(i);
            assertThat(tok.strip()).doesNotContain(" ");
        }
        assertThat(t.token(t.vocabSize() - 1)).isIn(" cat", "the", " the", "cat");
    }

    @Test
    void rejectsMergesThatDoNotFitTheVocabulary() {
        assertThatThrownBy(() -> new BpeTokenizer("ab", List.of(new Merge(2, 3, 9))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Pseudo-English documents from a fixed word list. */
    static List<String> corpus(int docs, long seed) {
        String[] words = {
            "the", "cat", "sat", "on", "a", "mat", "and", "then", "ran", "away", "from", "dog", "big", "little",
            "house", "Alice", "said", "\"Oh,", "dear!\"", "she", "was", "very", "tired", "of", "sitting"
        };
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            StringBuilder b = new StringBuilder();
            int n = 5 + r.nextInt(20);
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
            }
            out.add(b.append('.').toString());
        }
        return out;
    }
}
