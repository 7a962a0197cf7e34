package org.collapselab.nn.text.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.nn.common.Checks;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.validation.ParameterException;

/**
 * A train/validation/test split of a corpus in which no model ever sees the test documents. Documents are grouped
 * into consecutive chunks of {@code chunk} documents (so a held-out passage is not surrounded by its own neighbours
 * in the training set), and chunks are assigned to test at evenly spaced positions so that exactly
 * ⌊(number of chunks)·testFraction⌋ chunks, spread over all files, are held out; validation chunks are spread the
 * same way (shifted by half a period) among the remaining chunks. Any training or validation document whose text is
 * identical to a
 * test document, and any training document identical to a validation document, is then dropped, so neither held-out
 * split can leak through duplicates. Validation is for early stopping and model selection; test only for reporting.
 *
 * @param train training documents
 * @param validation held-out real validation documents (empty when no validation share was asked for)
 * @param test held-out real test documents
 * @param droppedDuplicates training or validation documents removed because a held-out document has the same text
 */
public record CorpusSplit(List<Document> train, List<Document> validation, List<Document> test, int droppedDuplicates) {
    public CorpusSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** A train/test split without validation documents (see {@link #of(TextCorpus, double, double, int)}). */
    public static CorpusSplit of(TextCorpus corpus, double testFraction, int chunk) {
        return of(corpus, testFraction, 0.0, chunk);
    }

    /** Splits deterministically (no randomness: the same corpus always gives the same split). */
    public static CorpusSplit of(TextCorpus corpus, double testFraction, double validationFraction, int chunk) {
        Checks.doubleIn("lm.testFraction", testFraction, 0.01, 0.5);
        Checks.doubleIn("lm.validationFraction", validationFraction, 0.0, 0.5);
        Checks.intIn("lm.splitChunk", chunk, 1, 100_000);
        List<Document> docs = corpus.documents();
        int chunks = (docs.size() + chunk - 1) / chunk;
        List<Document> train = new ArrayList<>();
        List<Document> validation = new ArrayList<>();
        List<Document> test = new ArrayList<>();
        double valShare = validationFraction / (1 - testFraction); // among the chunks that are not test
        int j = 0;
        for (int k = 0; k < chunks; k++) {
            boolean held = Math.floor((k + 1) * testFraction) > Math.floor(k * testFraction);
            boolean val = !held && Math.floor((j + 1) * valShare + 0.5) > Math.floor(j * valShare + 0.5);
            j += held ? 0 : 1;
            List<Document> part = docs.subList(k * chunk, Math.min(docs.size(), (k + 1) * chunk));
            (held ? test : val ? validation : train).addAll(part);
        }
        if (test.isEmpty() || train.isEmpty() || (validationFraction > 0 && validation.isEmpty())) {
            throw new ParameterException(
                    "lm.testFraction",
                    testFraction,
                    "such that every split is non-empty (corpus has " + docs.size() + " documents in " + chunks
                            + " chunks of " + chunk + ")");
        }
        Set<String> testTexts = new HashSet<>();
        for (Document d : test) {
            testTexts.add(d.text());
        }
        int before = train.size() + validation.size();
        validation.removeIf(d -> testTexts.contains(d.text()));
        Set<String> heldTexts = new HashSet<>(testTexts);
        for (Document d : validation) {
            heldTexts.add(d.text());
        }
        train.removeIf(d -> heldTexts.contains(d.text()));
        return new CorpusSplit(train, validation, test, before - train.size() - validation.size());
    }

    /** The documents {@code fraction} of the way into training, as a contiguous slice starting at the front. */
    public List<Document> trainSlice(double fraction) {
        Checks.doubleIn("slice", fraction, 0.0, 1.0);
        return train.subList(0, Math.max(1, (int) Math.round(train.size() * fraction)));
    }
}
