package org.collapselab.experiments.forecast;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.experiments.diagnose.DataFileException;
import org.collapselab.forecast.Pilot;
import org.collapselab.forecast.PilotSet;
import org.collapselab.validation.ParameterException;

/**
 * Reads a pilot file: CSV (commons-csv, RFC 4180, UTF-8) with a header line and one row per pilot run. Columns
 * (any order): {@code n}, {@code p2}, {@code error} required; {@code stderr}, {@code weight} (default 1), {@code m},
 * {@code seed} optional, and their cells may be empty. Any other column is an error (a misspelt optional column
 * would otherwise be ignored in silence). Problems are {@link DataFileException}s, one line naming the file, line and
 * column: {@code P.csv: line 4, column 2 (p2): got 1.5; allowed: a number in [0, 1]}; a cell that is not a number is
 * named as such, never quoted.
 */
public final class PilotFile {
    /** Largest pilot file read (pilot sets are small). */
    public static final long MAX_BYTES = 16L << 20;

    static final List<String> REQUIRED = List.of("n", "p2", "error");
    static final Set<String> KNOWN = Set.of("n", "p2", "error", "stderr", "weight", "m", "seed");

    private PilotFile() {}

    /** The pilot runs of {@code path}, checked cell by cell, then grouped ({@link PilotSet#of}). */
    public static PilotSet read(Path path) {
        List<Pilot> runs = runs(path);
        String file = path.toString();
        try {
            return PilotSet.of(runs);
        } catch (ParameterException e) {
            throw new DataFileException(file, "column " + e.field(), e.value(), e.allowed());
        }
    }

    /** The runs of {@code path}, every cell checked. */
    public static List<Pilot> runs(Path path) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(file, "file", "no readable file", "an existing CSV file");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new DataFileException(
                        file, "file", Files.size(path) + " bytes", "at most " + MAX_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    file + ": cannot read: " + e.getClass().getSimpleName(), e);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setCommentMarker('#')
                .get();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(path), decoder);
                CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames();
            int[] col = columns(file, header);
            List<Pilot> runs = new ArrayList<>();
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new DataFileException(
                            file, "line " + line, r.size() + " cells", header.size() + " cells, one per header column");
                }
                Cells c = new Cells(file, line, header, r);
                long n = c.integer(col[0], 1, Long.MAX_VALUE / 4, "an integer >= 1 (training rows)");
                double p2 = c.real(col[1], 0, 1, "a number in [0, 1]");
                double error = c.real(col[2], 0, Double.MAX_VALUE, "a finite number >= 0");
                double stderr = col[3] < 0 || c.empty(col[3])
                        ? Double.NaN
                        : c.real(col[3], Double.MIN_VALUE, Double.MAX_VALUE, "a finite number > 0, or empty");
                double weight = col[4] < 0 || c.empty(col[4])
                        ? 1
                        : c.real(col[4], 0, Double.MAX_VALUE, "a finite number >= 0, or empty (1)");
                if (p2 == 1 && weight == 0) {
                    throw c.error(col[4], "0 with p2 = 1", "a weight > 0 when every row is synthetic");
                }
                double m = col[5] < 0 || c.empty(col[5])
                        ? Double.NaN
                        : c.real(col[5], Double.MIN_VALUE, Double.MAX_VALUE, "a finite number > 0, or empty");
                Long seed = col[6] < 0 || c.empty(col[6])
                        ? null
                        : c.integer(col[6], Long.MIN_VALUE / 4, Long.MAX_VALUE / 4, "an integer, or empty");
                runs.add(new Pilot(n, p2, error, stderr, weight, m, seed));
            }
            if (runs.isEmpty()) {
                throw new DataFileException(file, "line 2", "no pilot rows", "one row per pilot run after the header");
            }
            return runs;
        } catch (IOException e) {
            if (e instanceof CharacterCodingException) {
                throw new DataFileException(file, "file", "bytes that are not UTF-8", "a UTF-8 text file");
            }
            throw new UncheckedIOException(
                    file + ": cannot read: " + e.getClass().getSimpleName(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataFileException(file, "file", "bytes that are not UTF-8", "a UTF-8 text file");
            }
            throw new DataFileException(file, "header or quoting", "malformed CSV", "RFC 4180 CSV with a header line");
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            // commons-csv parse errors (duplicate or empty header names, unterminated quotes): never quote the file
            throw new DataFileException(
                    file, "header or quoting", "malformed CSV", "RFC 4180 CSV with unique header names");
        }
    }

    /** Column index of n, p2, error, stderr, weight, m, seed (−1 when absent). */
    private static int[] columns(String file, List<String> header) {
        if (header.isEmpty()) {
            throw new DataFileException(file, "line 1", "an empty file", "a header line naming the columns, then rows");
        }
        for (int c = 0; c < header.size(); c++) {
            if (!KNOWN.contains(header.get(c))) {
                throw new DataFileException(
                        file,
                        "line 1, column " + (c + 1),
                        "an unknown column name",
                        "n, p2, error, stderr, weight, m, seed");
            }
        }
        for (String r : REQUIRED) {
            if (!header.contains(r)) {
                throw new DataFileException(
                        file,
                        "line 1",
                        "no column '" + r + "'",
                        "a header with the columns n, p2, error (and optionally stderr, weight, m, seed)");
            }
        }
        String[] all = {"n", "p2", "error", "stderr", "weight", "m", "seed"};
        int[] col = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            col[i] = header.indexOf(all[i]);
        }
        return col;
    }

    /** One record's cells with their location for messages. */
    private record Cells(String file, long line, List<String> header, CSVRecord record) {
        boolean empty(int c) {
            return record.get(c).isEmpty();
        }

        DataFileException error(int c, String got, String allowed) {
            return new DataFileException(
                    file, "line " + line + ", column " + (c + 1) + " (" + header.get(c) + ")", got, allowed);
        }

        double real(int c, double lo, double hi, String allowed) {
            String cell = record.get(c);
            if (cell.isEmpty()) {
                throw error(c, "an empty cell", allowed);
            }
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw error(c, "a cell that is not a number", allowed);
            }
            if (!Double.isFinite(v) || v < lo || v > hi) {
                throw error(c, Double.isNaN(v) ? "NaN" : Double.toString(v), allowed);
            }
            return v;
        }

        long integer(int c, long lo, long hi, String allowed) {
            double v = real(c, -Double.MAX_VALUE, Double.MAX_VALUE, allowed);
            if (v != Math.rint(v) || v < lo || v > hi) {
                throw error(c, Double.toString(v), allowed);
            }
            return (long) v;
        }
    }
}
