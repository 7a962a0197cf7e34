package org.collapselab.nn.text.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.collapselab.experiments.study.StudyFile;

/**
 * The corpus entries of a language-model study file ({@code corpus}, {@code files}, {@code unit},
 * {@code test_fraction}, {@code validation_fraction}, {@code split_chunk}, {@code vocab_size},
 * {@code curve_eval_tokens}, {@code final_eval_tokens}), read into a {@link CorpusSpec}. Without {@code corpus:} the
 * real text is read from {@code $COLLAPSELAB_DATA/gutenberg}, else {@code data/gutenberg}; the system property
 * {@value #CORPUS_PROPERTY} overrides both.
 */
public final class CorpusFields {
    /** System property naming another corpus folder or file. */
    public static final String CORPUS_PROPERTY = "collapselab.lm.corpus";
    /** The keys read here. */
    public static final Set<String> KEYS = Set.of(
            "corpus",
            "files",
            "unit",
            "test_fraction",
            "validation_fraction",
            "split_chunk",
            "vocab_size",
            "curve_eval_tokens",
            "final_eval_tokens");

    private CorpusFields() {}

    /** The default corpus location (see the class comment). */
    public static Path defaultCorpus() {
        String prop = System.getProperty(CORPUS_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("COLLAPSELAB_DATA");
        return env != null && !env.isBlank() ? Path.of(env).resolve("gutenberg") : Path.of("data", "gutenberg");
    }

    /** The corpus of {@code r} for models of context {@code context}, or null after recording its problems. */
    public static CorpusSpec read(StudyFile f, JsonNode r, int context) {
        String corpusText = f.text(r, "corpus", "corpus", false);
        String corpus = corpusText != null ? corpusText : defaultCorpus().toString();
        List<String> files = fileNames(f, r.path("files"), "files");
        TextCorpus.Unit unit = f.choice(r, "unit", "unit", TextCorpus.Unit.class, TextCorpus.Unit.BLOCK);
        double testFraction = f.real(r, "test_fraction", "test_fraction", 0.01, 0.5, 0.1, true);
        double validation = f.real(r, "validation_fraction", "validation_fraction", 0, 0.5, 0.05, true);
        int splitChunk = f.integer(r, "split_chunk", "split_chunk", 1, 100_000, 20);
        int vocab = f.integer(r, "vocab_size", "vocab_size", 16, 65_536, 1024);
        long curveEval = f.longValue(r, "curve_eval_tokens", "curve_eval_tokens", 16, 100_000_000L, 8192);
        long finalEval = f.longValue(r, "final_eval_tokens", "final_eval_tokens", 16, 100_000_000L, 65_536);
        if (!f.ok() || context < 2) {
            return null;
        }
        return new CorpusSpec(
                corpus, files, unit, testFraction, validation, splitChunk, vocab, context, curveEval, finalEval);
    }

    /** A list of file names inside the corpus folder (empty when absent). */
    public static List<String> fileNames(StudyFile f, JsonNode fl, String field) {
        List<String> files = new ArrayList<>();
        if (fl.isMissingNode() || fl.isNull()) {
            return files;
        }
        if (!fl.isArray()) {
            f.error(field, fl, "a list of file names in the corpus folder (empty: every *.txt)");
            return files;
        }
        for (int i = 0; i < fl.size(); i++) {
            String s = fl.get(i).asText("");
            if (!fl.get(i).isTextual() || s.isBlank() || s.contains("/") || s.contains("\\") || s.startsWith(".")) {
                f.error(field + "[" + i + "]", fl.get(i), "a file name inside the corpus folder");
            } else {
                files.add(s);
            }
        }
        return files;
    }
}
