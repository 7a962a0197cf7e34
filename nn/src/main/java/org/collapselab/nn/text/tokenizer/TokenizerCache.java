package org.collapselab.nn.text.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a BPE tokenizer once per machine and corpus: the merges are saved under {@code java.io.tmpdir} keyed by the
 * corpus hash and vocabulary size, so the cells of a study (each in its own process) read them instead of training
 * again. Format: first line the base alphabet (training text has no line breaks), then one "left right" per merge.
 * A damaged file is ignored and rewritten.
 */
public final class TokenizerCache {
    private TokenizerCache() {}

    /** The tokenizer of {@code documents} with {@code vocabSize} tokens (min pair count 2). */
    public static synchronized BpeTokenizer trained(List<String> documents, int vocabSize, String corpusHash) {
        Path file = Path.of(
                System.getProperty("java.io.tmpdir"),
                "collapselab-bpe-" + corpusHash.substring(0, 16) + "-" + vocabSize + ".txt");
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        } catch (IOException | RuntimeException e) {
            // damaged: train again below
        }
        BpeTokenizer t = BpeTokenizer.train(documents, vocabSize, 2);
        try {
            Path tmp = Files.createTempFile(file.getParent(), "collapselab-bpe-", ".part");
            Files.writeString(tmp, write(t), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache only: training again next time is correct, just slower
        }
        return t;
    }

    static String write(BpeTokenizer t) {
        StringBuilder b = new StringBuilder(t.alphabet()).append('\n');
        for (BpeTokenizer.Merge m : t.merges()) {
            b.append(m.left()).append(' ').append(m.right()).append('\n');
        }
        return b.toString();
    }

    static BpeTokenizer read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String alphabet = lines.get(0);
        List<BpeTokenizer.Merge> merges = new ArrayList<>();
        int id = alphabet.length() + 2;
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(" ");
            merges.add(new BpeTokenizer.Merge(Integer.parseInt(p[0]), Integer.parseInt(p[1]), id++));
        }
        return new BpeTokenizer(alphabet, merges);
    }
}
