package org.collapselab.nn.text.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A dictionary of English words, compared in lower case, used to measure how much of a generated text is made of real
 * words. The default is Debian's {@code wamerican} list ({@code /usr/share/dict/american-english}, installed by
 * {@code scripts/setup-system.sh}); {@code COLLAPSELAB_DICT} names another one-word-per-line file. When none is
 * present the dictionary-word share is reported as not measured, never guessed.
 */
public final class WordList {
    /** Where the word list is looked for, for messages. */
    public static final String WHERE = "/usr/share/dict/american-english from Debian's wamerican "
            + "(scripts/setup-system.sh), or a one-word-per-line file named by COLLAPSELAB_DICT";

    private static Optional<WordList> system;
    private final Set<String> words;
    private final String hash;

    /** A dictionary of the given words (case-insensitive). */
    public WordList(Iterable<String> entries) {
        Set<String> s = new HashSet<>();
        for (String w : entries) {
            String t = w.strip();
            if (!t.isEmpty()) {
                s.add(t.toLowerCase(Locale.ROOT));
            }
        }
        this.words = Set.copyOf(s);
        this.hash = org.collapselab.experiments.study.CellKeys.sha256Hex(String.join("\n", new java.util.TreeSet<>(s)));
    }

    /** Reads a one-word-per-line file. */
    public static WordList read(Path file) {
        try {
            return new WordList(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + file, e);
        }
    }

    /** The system dictionary: {@code $COLLAPSELAB_DICT}, else wamerican's file, else empty (read once). */
    public static synchronized Optional<WordList> system() {
        if (system == null) {
            system = find();
        }
        return system;
    }

    /** SHA-256 of the sorted lower-case entries: identifies the list in the keys of cells that filter with it. */
    public String hash() {
        return hash;
    }

    private static Optional<WordList> find() {
        String env = System.getenv("COLLAPSELAB_DICT");
        List<Path> candidates = env != null && !env.isBlank()
                ? List.of(Path.of(env))
                : List.of(Path.of("/usr/share/dict/american-english"), Path.of("/usr/share/dict/words"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return Optional.of(read(p));
            }
        }
        return Optional.empty();
    }

    /** Whether a word (any case) is in the dictionary. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Number of distinct entries. */
    public int size() {
        return words.size();
    }
}
