package org.collapselab.nn.text.synthetic;

import java.io.PrintStream;
import java.util.List;
import org.collapselab.nn.text.corpus.CharTokenizer;
import org.collapselab.nn.text.corpus.EvalWindows;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.corpus.Prompts;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.LanguageModel;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.quality.SampleFilter;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.nn.text.quality.WordList;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;

/**
 * The synthetic text of the language-model experiment: a weaker model of the same family trained on real training
 * text, then sampled with a key/value cache from real prompts; each stream is cut at its first document separator so
 * that the corpus holds whole generated documents, and bad documents are filtered out as in the paper.
 */
public final class SyntheticCorpus {
    private SyntheticCorpus() {}

    /**
     * A generator and the synthetic corpus it sampled.
     *
     * @param result what is reported about it
     * @param text the synthetic corpus (documents separated as in {@link CharTokenizer#documents})
     */
    public record Generated(GeneratorResult result, String text) {}

    /**
     * Trains the generator {@code m} with {@code plan} on the real documents {@code slice} (its curve measured on the
     * real {@code validation} documents), samples about {@code syntheticTokens} tokens from prompts of
     * {@code promptDocs} at {@code temperature} with nucleus {@code topP}, and keeps the documents {@code filter}
     * accepts (the loss rules score each document under the generator, {@link #documentLosses}). Seeds derive from
     * {@code baseSeed}; {@code dict} is the word list of the filter's dictionary rule and of the word measures
     * (null: not measured, and then the filter must not use it); {@code file} is the name the corpus is saved under
     * next to the report; {@code name} and {@code replicate} identify the generator in its result.
     */
    public static Generated generate(
            GptConfig m,
            TrainingPlan plan,
            BpeTokenizer tok,
            List<Document> slice,
            List<Document> promptDocs,
            List<Document> validation,
            EvalWindows finalEval,
            long curveEvalTokens,
            long syntheticTokens,
            double temperature,
            double topP,
            long baseSeed,
            SampleFilter filter,
            WordList dict,
            String file,
            String name,
            int replicate,
            PrintStream log) {
        if (filter.minDictionaryShare() > 0 && dict == null) {
            throw new IllegalStateException("the filter's min_dictionary_share needs a word list: " + WordList.WHERE);
        }
        long t0 = System.nanoTime();
        List<String> valTexts = validation.stream().map(Document::text).toList();
        try (LanguageModel lm = LanguageModel.create(m, tok.vocabSize(), plan, baseSeed + 101)) {
            TrainingCurve curve = lm.train(
                    MixtureSampler.realOnly(
                            tok.encodeStream(slice.stream().map(Document::text).toList()), baseSeed + 202),
                    EvalWindows.of(tok.encodeStream(valTexts), m.context(), curveEvalTokens),
                    log,
                    "generator");
            double loss = lm.loss(finalEval);
            int rows = (int) Math.max(64, Math.min(1024, syntheticTokens / 1000));
            int length = (int) Math.min(Integer.MAX_VALUE, (syntheticTokens + rows - 1) / rows);
            int[][] prompts = Prompts.of(promptDocs, tok, rows, Prompts.TOKENS, baseSeed + 303);
            long g0 = System.nanoTime();
            int[][] out = lm.generate(prompts, length, temperature, topP, baseSeed + 404);
            double genSecs = (System.nanoTime() - g0) / 1e9;
            StringBuilder text = new StringBuilder();
            for (int[] row : out) {
                // each stream starts mid-document: drop everything before its first separator
                int first = 0;
                while (first < row.length && row[first] != BpeTokenizer.SEPARATOR) {
                    first++;
                }
                text.append(tok.decode(row, Math.min(row.length, first + 1), row.length))
                        .append('\n');
            }
            List<String> docs = CharTokenizer.documents(text.toString());
            SampleFilter.Result kept =
                    filter.apply(docs, dict, ds -> documentLosses(lm, tok, ds), doc -> tok.encode(doc).length);
            String keptText = String.join("\n", kept.kept()) + "\n";
            GeneratorResult g = new GeneratorResult(
                    name,
                    replicate,
                    lm.weightsHash(),
                    org.collapselab.experiments.study.CellKeys.sha256Hex(keptText),
                    dict == null ? "" : dict.hash(),
                    m.shape(),
                    lm.parameterCount(),
                    temperature,
                    topP,
                    curve.tokens(),
                    loss,
                    curve.tokensPerSecond(),
                    (long) rows * length,
                    (long) rows * length / genSecs,
                    file,
                    keptText.substring(0, Math.min(1500, keptText.length())),
                    (System.nanoTime() - t0) / 1e9,
                    docs.size(),
                    kept.kept().size(),
                    kept.keptTokens(),
                    kept.droppedTokens(),
                    kept.droppedShort(),
                    kept.droppedDictionary(),
                    kept.droppedLoss(),
                    kept.lossCut(),
                    TextMeasures.of(text.toString(), dict),
                    TextMeasures.of(keptText, dict),
                    TextMeasures.of(String.join("\n", valTexts), dict),
                    curve.points().get(curve.points().size() - 1).trainLoss());
            return new Generated(g, keptText);
        }
    }

    /**
     * Each document's mean loss per token under {@code lm} (nats; its tokens and the separator that ends it), scored
     * as one stream that starts with a separator, so each document is read after the end of the one before it, as in
     * training.
     */
    public static double[] documentLosses(LanguageModel lm, BpeTokenizer tok, List<String> docs) {
        int[][] enc = new int[docs.size()][];
        int n = 1;
        for (int i = 0; i < enc.length; i++) {
            enc[i] = tok.encode(docs.get(i));
            n += enc[i].length + 1;
        }
        int[] stream = new int[n];
        stream[0] = BpeTokenizer.SEPARATOR;
        int p = 1;
        for (int[] e : enc) {
            System.arraycopy(e, 0, stream, p, e.length);
            p += e.length;
            stream[p++] = BpeTokenizer.SEPARATOR;
        }
        float[] l = lm.tokenLosses(stream);
        double[] out = new double[enc.length];
        p = 1;
        for (int i = 0; i < enc.length; i++) {
            double sum = 0;
            for (int j = 0; j <= enc[i].length; j++) {
                sum += l[p + j];
            }
            out[i] = sum / (enc[i].length + 1);
            p += enc[i].length + 1;
        }
        return out;
    }
}
