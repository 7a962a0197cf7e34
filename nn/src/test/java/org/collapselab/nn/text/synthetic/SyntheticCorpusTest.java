package org.collapselab.nn.text.synthetic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.nn.text.quality.SampleFilter;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
    @Test
    void aDictionaryFilterWithoutAWordListIsAClearErrorNotASilentChange() {
        // before anything is trained: a filter rule that needs the word list cannot be dropped silently
        SampleFilter filter = new SampleFilter(0.85, Double.POSITIVE_INFINITY, 10, 0.1);
        assertThatThrownBy(() -> SyntheticCorpus.generate(
                        null, null, null, null, null, null, null, 0, 0, 1, 1, 0, filter, null, "f.txt", "weak", 0,
                        null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "the filter's min_dictionary_share needs a word list: /usr/share/dict/american-english");
    }
}
