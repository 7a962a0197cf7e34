package org.collapselab.nn.text.corpus;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.nn.common.Checks;
import org.collapselab.validation.ParameterException;

/**
 * The real text of the language-model studies and how it is split, tokenized and evaluated: shared by the
 * language-model study and the language-model loop, so that both measure the loss on the same held-out split.
 *
 * @param corpus folder (or file) of plain-text real data
 * @param files files to read in a folder (empty: every *.txt)
 * @param unit how files are cut into documents
 * @param testFraction share of document chunks held out as the real test split
 * @param validationFraction share of chunks held out as the real validation split (never trained on)
 * @param splitChunk consecutive documents per split chunk
 * @param vocabSize BPE vocabulary size (tokenizer trained on the real training split)
 * @param context context length of every model (the evaluation windows' length)
 * @param curveEvalTokens real test tokens evaluated at every point of a loss curve
 * @param finalEvalTokens real test tokens evaluated at the end of each run
 */
public record CorpusSpec(
        String corpus,
        List<String> files,
        TextCorpus.Unit unit,
        double testFraction,
        double validationFraction,
        int splitChunk,
        int vocabSize,
        int context,
        long curveEvalTokens,
        long finalEvalTokens)
        implements Serializable {
    public CorpusSpec {
        if (corpus == null) {
            throw new ParameterException("corpus", null, "a folder or file of plain text");
        }
        files = List.copyOf(files);
        Checks.doubleIn("test_fraction", testFraction, 0.01, 0.5);
        Checks.doubleIn("validation_fraction", validationFraction, 0.0, 0.5);
        Checks.intIn("split_chunk", splitChunk, 1, 100_000);
        Checks.intIn("vocab_size", vocabSize, 16, 65_536);
        Checks.intIn("context", context, 2, 4096);
        Checks.longIn("curve_eval_tokens", curveEvalTokens, 16, 100_000_000L);
        Checks.longIn("final_eval_tokens", finalEvalTokens, 16, 100_000_000L);
    }

    /** The corpus folder or file. */
    public Path corpusPath() {
        return Path.of(corpus);
    }
}
