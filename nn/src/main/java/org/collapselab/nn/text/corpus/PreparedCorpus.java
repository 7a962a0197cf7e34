package org.collapselab.nn.text.corpus;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;
import org.collapselab.nn.text.tokenizer.TokenizerCache;

/**
 * A {@link CorpusSpec} read, split and tokenized, with its evaluation windows and the canonical JSON of what fixes
 * its numbers ({@link #dataJson}: the hash of the split texts and the split, tokenizer and evaluation settings).
 * Computes no model; cached per process ({@link #of}), since every cell of a study shares it.
 *
 * @param spec what was prepared
 * @param split the real train/validation/test split
 * @param tokenizer the BPE tokenizer learned on the training split
 * @param train the encoded training split
 * @param test the encoded test split
 * @param curveEval windows evaluated along training
 * @param finalEval windows evaluated at the end
 * @param corpusHash SHA-256 of the split texts
 */
public record PreparedCorpus(
        CorpusSpec spec,
        CorpusSplit split,
        BpeTokenizer tokenizer,
        int[] train,
        int[] test,
        EvalWindows curveEval,
        EvalWindows finalEval,
        String corpusHash) {
    /** Canonical JSON writer of every language-model key (sorted keys). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final Map<CorpusSpec, PreparedCorpus> CACHE = new HashMap<>();
    private static final Map<List<Object>, Encoded> OTHER = new HashMap<>();

    /** Reads, splits and tokenizes (once per process and spec). */
    public static synchronized PreparedCorpus of(CorpusSpec c) {
        PreparedCorpus p = CACHE.get(c);
        if (p != null) {
            return p;
        }
        if (!Files.exists(c.corpusPath())) {
            throw new TextCorpus.CorpusMissingException(c.corpusPath());
        }
        TextCorpus corpus = TextCorpus.load(c.corpusPath(), c.files(), c.unit());
        CorpusSplit split = CorpusSplit.of(corpus, c.testFraction(), c.validationFraction(), c.splitChunk());
        String hash = CellKeys.sha256Hex(String.join("\n", texts(split.train())) + "\u0000"
                + String.join("\n", texts(split.validation())) + "\u0000" + String.join("\n", texts(split.test())));
        BpeTokenizer tok = TokenizerCache.trained(texts(split.train()), c.vocabSize(), hash);
        int[] train = tok.encodeStream(texts(split.train()));
        int[] test = tok.encodeStream(texts(split.test()));
        p = new PreparedCorpus(
                c,
                split,
                tok,
                train,
                test,
                EvalWindows.of(test, c.context(), c.curveEvalTokens()),
                EvalWindows.of(test, c.context(), c.finalEvalTokens()),
                hash);
        CACHE.put(c, p);
        return p;
    }

    /**
     * The fields that fix the data and the evaluation, as a JSON object every language-model key starts from (names
     * as in the first version of the study, so the loop's keys are unchanged).
     */
    public ObjectNode dataJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("corpusHash", corpusHash);
        o.put("testFraction", spec.testFraction());
        o.put("splitChunk", spec.splitChunk());
        o.put("unit", spec.unit().name());
        o.put("curveEvalTokens", spec.curveEvalTokens());
        o.put("finalEvalTokens", spec.finalEvalTokens());
        o.put("vocabSize", spec.vocabSize());
        o.put("validationFraction", spec.validationFraction());
        return o;
    }

    /**
     * Other files of the corpus folder (e.g. a shifted-domain control text) as one stream of this tokenizer, with the
     * SHA-256 of their text; cached per process.
     */
    public synchronized Encoded encodeOther(List<String> files) {
        return OTHER.computeIfAbsent(List.of(corpusHash, files), k -> {
            List<String> t =
                    texts(TextCorpus.load(spec.corpusPath(), files, spec.unit()).documents());
            return new Encoded(tokenizer.encodeStream(t), CellKeys.sha256Hex(String.join("\n", t)));
        });
    }

    /**
     * An encoded text and the hash of its characters.
     *
     * @param tokens the token stream (documents separated)
     * @param textHash SHA-256 of the text
     */
    public record Encoded(int[] tokens, String textHash) {}

    /** The texts of documents, in order. */
    public static List<String> texts(List<Document> docs) {
        return docs.stream().map(Document::text).toList();
    }

    /** Canonical JSON of a value (sorted keys). */
    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
