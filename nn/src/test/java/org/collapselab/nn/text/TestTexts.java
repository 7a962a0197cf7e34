package org.collapselab.nn.text;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Toy texts and the tiny language-model study file shared by the language-model tests. */
public final class TestTexts {
    private TestTexts() {}

    /** Paragraphs of simple random sentences ("the cat sat on the mat."), a few KB. */
    public static String toyStories(int paragraphs, long seed) {
        String[] who = {"the cat", "the dog", "a bird", "the little fox", "a bear"};
        String[] did = {"sat on", "ran to", "looked at", "jumped over", "slept by"};
        String[] what = {"the mat", "the log", "a tree", "the green pond", "the old house"};
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0; s < 3; s++) {
                b.append(who[r.nextInt(who.length)])
                        .append(' ')
                        .append(did[r.nextInt(did.length)])
                        .append(' ')
                        .append(what[r.nextInt(what.length)])
                        .append(". ");
            }
            b.append("\r\n\r\n");
        }
        return b.toString();
    }

    /**
     * A tiny language-model study file on a toy corpus ({@code toy.txt}, and {@code other.txt} for the shifted
     * control): two budgets, one generator, shares {@code p2}, one seed, both controls at 0.5.
     */
    public static String tinyYaml(Path corpus, String p2) {
        return """
        name: lm
        kind: lm
        corpus: %s
        files: [toy.txt]
        test_fraction: 0.2
        split_chunk: 2
        model: {name: S, layers: 1, width: 32, heads: 2, context: 32}
        training: {batch: 8, learning_rate: 0.003, warmup: 0.05, final_lr: 0.1, eval_points: 3}
        budgets: [7680, 15360]
        p2: %s
        seeds: 1
        generators:
          - name: weak
            model: {name: G, layers: 1, width: 32, heads: 2, context: 32}
            training: {tokens: 10240, batch: 8, learning_rate: 0.003, warmup: 0.05, final_lr: 0.1, eval_points: 2}
        synthetic_tokens: 4000
        shifted: {files: [other.txt], p2: [0.5]}
        dilution_p2: [0.5]
        curve_eval_tokens: 1024
        final_eval_tokens: 2048
        sample_length: 80
        samples: 1
        seed: 3
        """.formatted(corpus, p2);
    }

    /** The toy corpus of {@link #tinyYaml} in {@code dir}. */
    public static Path toyCorpus(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("toy.txt"), toyStories(80, 5));
        java.nio.file.Files.writeString(
                dir.resolve("other.txt"), toyStories(30, 99).replace("the", "thy"));
        return dir;
    }
}
