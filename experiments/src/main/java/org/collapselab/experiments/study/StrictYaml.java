package org.collapselab.experiments.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The one strict reader for every YAML experiment file (Gaussian sweeps, image studies): bytes are checked before
 * parsing (a regular file of at most {@link #MAX_FILE_BYTES}, UTF-8 — UTF-16/32, binary and malformed files are named
 * as such), then one SnakeYAML event pass refuses what Jackson's tree reader would silently misread — aliases
 * (Jackson yields the anchor's <em>name</em>, so {@code spectrum: *iso} ran "iso"), merge keys, explicit tags, several
 * documents — and nesting deeper than {@link #MAX_DEPTH}; finally Jackson builds the tree with duplicate keys an
 * error and bounded string lengths. Every failure is one line {@code FILE: ...} naming the line and column, never the
 * file's content beyond what names the problem.
 */
public final class StrictYaml {
    /** Largest study file read (real ones are a few KB). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Deepest nesting of mappings and lists (real files use 4). */
    public static final int MAX_DEPTH = 32;
    /** Longest scalar shown back in a message. */
    private static final int SHOW = 60;

    private static final ObjectMapper MAPPER = buildMapper();

    private StrictYaml() {}

    private static ObjectMapper buildMapper() {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        lo.setMaxAliasesForCollections(0);
        lo.setAllowRecursiveKeys(false);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory f = YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_FILE_BYTES)
                        .maxNumberLength(400)
                        .build())
                .build();
        ObjectMapper m = new ObjectMapper(f);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }

    /** The configured mapper (strict duplicate detection, bounded nesting and strings). Prefer {@link #readTree}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a study file's text: a regular, bounded, UTF-8 file; otherwise one line naming the file and the reason. */
    public static String readText(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw fail(name + ": is a folder; allowed: a YAML file");
        }
        if (!Files.exists(path)) {
            throw fail(name + ": cannot read: no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw fail(name + ": not a regular file (a device or pipe); allowed: a YAML file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw fail(name + ": cannot read: no such file");
        } catch (IOException e) {
            throw fail(name + ": cannot read: " + e.getClass().getSimpleName());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw fail(name + ": file size: got more than " + MAX_FILE_BYTES + " bytes; allowed: at most "
                    + MAX_FILE_BYTES + " bytes");
        }
        return decode(name, bytes);
    }

    /** Decodes UTF-8 (a leading byte-order mark is dropped); other encodings and binary data are refused by name. */
    public static String decode(String fileName, byte[] b) {
        String enc = null;
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            enc = "UTF-32";
        } else if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            enc = "UTF-16";
        }
        if (enc != null) {
            throw fail(fileName + ": encoding: got " + enc + " (byte-order mark); allowed: UTF-8 text");
        }
        int offset = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = offset; i < b.length; i++) {
            if (b[i] == 0) {
                boolean utf16 = b.length > 3 && (b[1] == 0 || b[0] == 0);
                throw fail(fileName + ": encoding: got "
                        + (utf16
                                ? "UTF-16 (NUL bytes between characters)"
                                : "binary data (NUL byte at offset " + i + ")")
                        + "; allowed: UTF-8 text");
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
        try {
            return dec.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw fail(fileName + ": encoding: got bytes that are not UTF-8 (first at offset " + in.position()
                    + "); allowed: UTF-8 text");
        }
    }

    /**
     * Parses YAML text into a tree, refusing aliases, merge keys, tags, several documents, deep nesting and duplicate
     * keys; malformed YAML names the file, line and column.
     */
    public static JsonNode readTree(String fileName, String yaml) {
        if (yaml.length() > MAX_FILE_BYTES) {
            throw fail(
                    fileName + ": file size: got " + yaml.length() + " characters; allowed: at most " + MAX_FILE_BYTES);
        }
        checkEvents(fileName, yaml);
        try {
            return MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            String msg = oneLine(e.getOriginalMessage());
            if (msg.startsWith("Duplicate field ")) {
                throw fail(fileName + ": "
                        + shorten(msg.substring("Duplicate field ".length()).replace("'", "")) + ": got a second value"
                        + where + "; allowed: each key once per mapping");
            }
            throw fail(fileName + ": not valid YAML" + where + ": " + shorten(msg));
        }
    }

    private static void checkEvents(String fileName, String yaml) {
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit(MAX_FILE_BYTES);
        lo.setNestingDepthLimit(MAX_DEPTH);
        int depth = 0;
        int documents = 0;
        try {
            for (Event ev : new Yaml(lo).parse(new StringReader(yaml))) {
                if (ev instanceof AliasEvent a) {
                    throw fail(
                            fileName + ": " + at(ev.getStartMark()) + ": got the alias *" + shorten(a.getAnchor())
                                    + "; allowed: plain values (YAML anchors, aliases and merge keys are not supported: write the value out)");
                }
                if (ev instanceof ScalarEvent s && s.getTag() != null && !"!".equals(s.getTag())
                        || ev instanceof CollectionStartEvent c && c.getTag() != null && !"!".equals(c.getTag())) {
                    throw fail(fileName + ": " + at(ev.getStartMark()) + ": got an explicit tag; allowed: plain values "
                            + "(YAML tags such as !!binary are not supported)");
                }
                if (ev instanceof NodeEvent n && n.getAnchor() != null && !(ev instanceof AliasEvent)) {
                    // An anchor alone is harmless, but it only exists to be aliased: refuse it at its definition.
                    throw fail(
                            fileName + ": " + at(ev.getStartMark()) + ": got the anchor &" + shorten(n.getAnchor())
                                    + "; allowed: plain values (YAML anchors, aliases and merge keys are not supported: write the value out)");
                }
                if (ev instanceof CollectionStartEvent) {
                    if (++depth > MAX_DEPTH) {
                        throw fail(fileName + ": " + at(ev.getStartMark()) + ": got nesting deeper than " + MAX_DEPTH
                                + " levels; allowed: at most " + MAX_DEPTH);
                    }
                } else if (ev.is(Event.ID.MappingEnd) || ev.is(Event.ID.SequenceEnd)) {
                    depth--;
                } else if (ev instanceof DocumentStartEvent && ++documents > 1) {
                    throw fail(fileName + ": " + at(ev.getStartMark())
                            + ": got a second YAML document; allowed: one document");
                }
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw fail(fileName + ": not valid YAML" + (m == null ? "" : " (" + at(m) + ")") + ": "
                    + shorten(oneLine(e.getProblem() != null ? e.getProblem() : e.getContext())));
        } catch (YAMLException e) {
            throw fail(fileName + ": not valid YAML: " + shorten(oneLine(e.getMessage())));
        }
    }

    private static String at(Mark m) {
        return m == null ? "somewhere" : "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** At most {@value #SHOW} characters of a value, with the full length named when cut. */
    public static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= SHOW ? t : t.substring(0, SHOW) + "... (" + t.length() + " characters)";
    }

    private static StudyFileException fail(String line) {
        return new StudyFileException(List.of(line));
    }
}
