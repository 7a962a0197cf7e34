package org.collapselab.nn.text.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

class TextQualityTest {
    private static final WordList TINY = new WordList(List.of("the", "cat", "sat", "on", "mat", "Alice", "don't"));

    @Test
    void dictionaryShareCountsWordsCaseInsensitively() {
        TextMeasures m = TextMeasures.of("The cat sat on the blorp, ALICE don't.", TINY);
        assertThat(m.words()).isEqualTo(8);
        assertThat(m.dictionaryShare()).isCloseTo(7 / 8.0, within(1e-12));
        assertThat(TextMeasures.of("the cat", null).dictionaryShare()).isNaN();
    }

    @Test
    void diversityMeasuresHaveTheirKnownValues() {
        // "a b a b": unigrams 2 distinct of 4, bigrams {ab, ba} of 3, trigrams {aba, bab} of 2; entropy 1 bit
        TextMeasures m = TextMeasures.of("a b a b", null);
        assertThat(m.distinct1()).isEqualTo(0.5);
        assertThat(m.distinct2()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.distinct3()).isEqualTo(1.0);
        assertThat(m.unigramEntropyBits()).isCloseTo(1.0, within(1e-12));
        // four equally likely words: 2 bits; one repeated word: 0 bits
        assertThat(TextMeasures.of("w x y z", null).unigramEntropyBits()).isCloseTo(2.0, within(1e-12));
        assertThat(TextMeasures.of("z z z", null).unigramEntropyBits()).isEqualTo(0.0);
    }

    @Test
    void systemDictionaryKnowsCommonWordsWhenInstalled() {
        var dict = WordList.system();
        assertThat(dict).as("wamerican not installed (scripts/setup-system.sh)").isPresent();
        assertThat(dict.get().size()).isGreaterThan(50_000);
        assertThat(TextMeasures.of("Once upon a time there was a little rabbit.", dict.get())
                        .dictionaryShare())
                .isEqualTo(1.0);
    }

    @Test
    void filterDropsGibberishAndUnlikelyDocumentsAndCountsKeptTokensExactly() {
        List<String> docs =
                List.of("the cat sat on the mat", "blorp zzkx qwv the", "the cat", "on the mat sat the cat");
        SampleFilter f = new SampleFilter(0.5, 2.0, 3, 0);
        // "loss": 1.0 except the last document, 3.0; tokens: characters; only the documents passing the word rules are
        // scored
        SampleFilter.Result r = f.apply(
                docs,
                TINY,
                ds -> {
                    assertThat(ds).containsExactly("the cat sat on the mat", "on the mat sat the cat");
                    return ds.stream()
                            .mapToDouble(d -> d.startsWith("on") ? 3.0 : 1.0)
                            .toArray();
                },
                String::length);
        assertThat(r.kept()).containsExactly("the cat sat on the mat");
        assertThat(r.droppedShort()).isEqualTo(1);
        assertThat(r.droppedDictionary()).isEqualTo(1);
        assertThat(r.droppedLoss()).isEqualTo(1);
        assertThat(r.keptTokens()).isEqualTo("the cat sat on the mat".length() + 1);
        assertThat(r.keptTokens() + r.droppedTokens())
                .isEqualTo(docs.stream().mapToLong(d -> d.length() + 1).sum());
        assertThat(r.lossCut()).isEqualTo(2.0);
        assertThat(SampleFilter.none().apply(docs, TINY, null, String::length).kept())
                .hasSize(4);
    }

    @Test
    void lossQuantileDropsExactlyTheWorstShareAndKeepsOrder() {
        List<String> docs = List.of("a b", "c d", "e f", "g h", "i j", "k l", "m n", "o p", "q r", "s t");
        double[] loss = {2, 5, 1, 7, 3, 3, 9, Double.NaN, 4, 3};
        // drop the worst 30% of 10 = 3: NaN (never kept), 9, 7; the ties at 3 are all kept
        SampleFilter.Result r =
                new SampleFilter(0, Double.POSITIVE_INFINITY, 0, 0.3).apply(docs, null, ds -> loss, String::length);
        assertThat(r.kept()).containsExactly("a b", "c d", "e f", "i j", "k l", "q r", "s t");
        assertThat(r.droppedLoss()).isEqualTo(3);
        assertThat(r.lossCut()).isEqualTo(5.0);
        assertThat(r.keptTokens()).isEqualTo(7 * 4);
        assertThat(r.droppedTokens()).isEqualTo(3 * 4);
        // ties straddling the cut: exactly the quota is dropped, the earliest tied documents kept
        double[] flat = {1, 1, 1, 1};
        SampleFilter.Result t = new SampleFilter(0, Double.POSITIVE_INFINITY, 0, 0.5)
                .apply(docs.subList(0, 4), null, ds -> flat, String::length);
        assertThat(t.kept()).containsExactly("a b", "c d");
        // an absolute threshold below the quantile cut wins
        SampleFilter.Result a = new SampleFilter(0, 2.5, 0, 0.3).apply(docs, null, ds -> loss, String::length);
        assertThat(a.kept()).containsExactly("a b", "e f");
        assertThat(a.lossCut()).isEqualTo(2.5);
    }

    @Test
    void badThresholdsNameTheField() {
        assertThatThrownBy(() -> new SampleFilter(1.5, 2, 0, 0))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("filter.min_dictionary_share");
        assertThatThrownBy(() -> new SampleFilter(0.5, 0, 0, 0)).hasMessageContaining("filter.max_loss");
        assertThatThrownBy(() -> new SampleFilter(0.5, 2, 0, 1.0)).hasMessageContaining("filter.drop_worst_loss");
    }
}
