package org.collapselab.experiments.diagnose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.linalg.Matrix;

/**
 * Reads a {@code diagnose} data file: CSV (commons-csv, RFC 4180 quoting) with a header line, plain or gzip-compressed
 * (by content), UTF-8 with or without a byte-order mark, delimiter {@code ,} {@code ;} tab or {@code |} (detected from
 * the header line unless given); or NumPy {@code .npy}/{@code .npz} ({@link NumpyDataFile}). The label column is named
 * by the caller; columns named in {@code --one-hot} may hold text and become 0/1 columns ({@link OneHot}); every other
 * cell must be a finite number. Missing cells (empty, NA, NaN, null) are refused with their line and column unless
 * {@code --drop-missing}. Errors are {@link DataFileException}s naming the file, line and column (1-based), never a
 * cell's text.
 */
public final class CsvDataFile {
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "none", "n/a", "?");

    private CsvDataFile() {}

    /** Reads {@code path} with default options (label {@code label}, delimiter detected). */
    public static LabelledRows read(Path path, String label, List<String> featureOrder) {
        return read(
                path, new DiagnoseOptions(path, path, label, null, 5, 16, 1), featureOrder, null, new ArrayList<>());
    }

    /**
     * Reads {@code path}; {@code featureOrder}, when not null, is the real file's feature list (this file must have the
     * same columns, any order); {@code levels} are the real file's one-hot levels (null when this is the real file).
     */
    static LabelledRows read(
            Path path, DiagnoseOptions o, List<String> featureOrder, OneHot levels, List<String> warnings) {
        return read(path, o, featureOrder, levels, warnings, false);
    }

    /** Rows to predict: like {@link #read}, but the label column may be absent (labels are then NaN). */
    static LabelledRows readFeatures(
            Path path, DiagnoseOptions o, List<String> featureOrder, OneHot levels, List<String> warnings) {
        return read(path, o, featureOrder, levels, warnings, true);
    }

    private static LabelledRows read(
            Path path,
            DiagnoseOptions o,
            List<String> featureOrder,
            OneHot levels,
            List<String> warnings,
            boolean labelOptional) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(
                    file, "file", "no readable file", "an existing CSV, .csv.gz, .npy or .npz file");
        }
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".npy") || lower.endsWith(".npz")) {
            return NumpyDataFile.read(path, o.label(), featureOrder);
        }
        try (InputStream raw = open(path);
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        raw,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            in.mark(1 << 16);
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new DataFileException(
                        file, "line 1", "an empty file", "a header line naming the columns, then rows");
            }
            in.reset();
            if (first.startsWith("\uFEFF")) {
                in.skip(1);
                first = first.substring(1);
            }
            char delimiter = o.delimiter() != 0 ? o.delimiter() : detect(first);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            try (CSVParser parser = format.parse(in)) {
                java.util.Iterator<CSVRecord> it = parser.iterator();
                List<String> header = new ArrayList<>(it.next().toList());
                Set<String> seen = new HashSet<>();
                for (int c = 0; c < header.size(); c++) {
                    if (!seen.add(header.get(c))) {
                        throw new DataFileException(
                                file,
                                "line 1, column " + (c + 1),
                                "a second column with the same name",
                                "unique column names (a repeated label column would be used as a feature)");
                    }
                }
                int labelColumn = header.indexOf(o.label());
                if (labelColumn < 0 && !labelOptional) {
                    throw new DataFileException(
                            file,
                            "line 1",
                            "no column named '" + o.label() + "'"
                                    + (header.size() == 1
                                            ? " (one column only: is the delimiter right? use --delimiter)"
                                            : ""),
                            "a header with the label column (--label, default y)");
                }
                for (String c : o.oneHot()) {
                    if (!header.contains(c) || c.equals(o.label())) {
                        throw new DataFileException(
                                file,
                                "line 1",
                                "no feature column named '" + c + "' for --one-hot",
                                "names of feature columns in the header");
                    }
                }
                return new Rows(file, header, labelColumn, o, warnings).read(it, parser, featureOrder, levels);
            }
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, "encoding", "bytes that are not UTF-8", "a UTF-8 text file");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    file + ": cannot read: " + e.getClass().getSimpleName(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataFileException(file, "encoding", "bytes that are not UTF-8", "a UTF-8 text file");
            }
            throw new DataFileException(file, "quoting", "malformed CSV (an unterminated quote?)", "RFC 4180 CSV");
        } catch (IllegalStateException | java.util.NoSuchElementException e) {
            throw new DataFileException(file, "quoting", "malformed CSV (an unterminated quote?)", "RFC 4180 CSV");
        }
    }

    /** The file's bytes, gunzipped when they start with the gzip magic number. */
    private static InputStream open(Path path) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path));
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The most frequent of , ; tab | outside quotes in the header line (comma when none). */
    static char detect(String header) {
        char best = ',';
        int bestCount = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char h = header.charAt(i);
                if (h == '"') {
                    quoted = !quoted;
                } else if (h == c && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** The row-by-row reader of one file. */
    private record Rows(String file, List<String> header, int labelColumn, DiagnoseOptions o, List<String> warnings) {
        LabelledRows read(
                java.util.Iterator<CSVRecord> it, CSVParser parser, List<String> featureOrder, OneHot levels) {
            List<Integer> numeric = new ArrayList<>();
            List<Integer> categorical = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != labelColumn) {
                    (o.oneHot().contains(header.get(c)) ? categorical : numeric).add(c);
                }
            }
            if (numeric.isEmpty() && categorical.isEmpty()) {
                throw new DataFileException(
                        file, "line 1", "no feature columns", "at least one column besides the label");
            }
            List<double[]> rows = new ArrayList<>();
            List<String[]> cats = new ArrayList<>();
            int dropped = 0;
            long firstDropped = 0;
            while (it.hasNext()) {
                CSVRecord record = it.next();
                long line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new DataFileException(
                            file,
                            "line " + line,
                            record.size() + " cells",
                            header.size() + " cells, one per header column");
                }
                double[] row = new double[numeric.size() + 1];
                String[] cat = new String[categorical.size()];
                boolean missing = false;
                for (int j = 0; j <= numeric.size() && !missing; j++) {
                    int c = j < numeric.size() ? numeric.get(j) : labelColumn;
                    if (c < 0) {
                        row[j] = Double.NaN;
                        continue;
                    }
                    String cell = record.get(c);
                    if (MISSING.contains(cell.toLowerCase(java.util.Locale.ROOT))) {
                        missing = true;
                        if (!o.dropMissing()) {
                            throw new DataFileException(
                                    file,
                                    "line " + line + ", column " + (c + 1),
                                    "a missing cell",
                                    "a finite number (or --drop-missing to drop such rows)");
                        }
                    } else {
                        row[j] = number(file, line, c, cell, o.oneHot().isEmpty());
                    }
                }
                for (int j = 0; j < cat.length && !missing; j++) {
                    cat[j] = record.get(categorical.get(j));
                    if (cat[j].isEmpty()) {
                        missing = true;
                        if (!o.dropMissing()) {
                            throw new DataFileException(
                                    file,
                                    "line " + line + ", column " + (categorical.get(j) + 1),
                                    "a missing cell",
                                    "a category (or --drop-missing to drop such rows)");
                        }
                    }
                }
                if (missing) {
                    firstDropped = dropped++ == 0 ? line : firstDropped;
                    continue;
                }
                rows.add(row);
                cats.add(cat);
            }
            if (dropped > 0) {
                warnings.add(file + ": dropped " + dropped + " rows with missing cells (the first at line "
                        + firstDropped + ")");
            }
            List<String> numericNames = new ArrayList<>();
            for (int c : numeric) {
                numericNames.add(header.get(c));
            }
            List<String> catNames = new ArrayList<>();
            for (int c : categorical) {
                catNames.add(header.get(c));
            }
            OneHot hot = levels != null ? levels : OneHot.of(catNames, cats);
            if (levels != null) {
                hot.warnUnknown(file, cats, warnings);
            }
            return hot.assemble(file, numericNames, rows, cats, featureOrder);
        }
    }

    private static double number(String file, long line, int column, String cell, boolean noOneHot) {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataFileException(
                    file,
                    "line " + line + ", column " + (column + 1),
                    "a non-numeric cell",
                    "a finite number" + (noOneHot ? " (name a categorical column in --one-hot COL,...)" : ""));
        }
        if (!Double.isFinite(v)) {
            throw new DataFileException(
                    file, "line " + line + ", column " + (column + 1), "an infinite value", "a finite number");
        }
        return v;
    }

    /** Builds rows from a column-major matrix (for {@link NumpyDataFile} and tests). */
    static LabelledRows rows(String file, List<String> features, Matrix x, double[] y) {
        return new LabelledRows(file, features, x, y);
    }

    /**
     * Writes rows as a data file {@code diagnose} reads (header: the feature names, then {@code label}), through a
     * temporary file moved into place, so a reader never sees half a file.
     */
    public static void write(Path path, LabelledRows rows, String label) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".data-", ".csv.tmp");
        try {
            List<String> header = new ArrayList<>(rows.features());
            header.add(label);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader(header.toArray(String[]::new))
                    .setRecordSeparator('\n')
                    .get();
            int d = rows.features().size();
            try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(w, format)) {
                Object[] cells = new Object[d + 1];
                for (int i = 0; i < rows.rows(); i++) {
                    for (int j = 0; j < d; j++) {
                        cells[j] = Double.toString(rows.x().get(i, j));
                    }
                    cells[d] = Double.toString(rows.y()[i]);
                    printer.printRecord(cells);
                }
            }
            Files.move(
                    tmp,
                    path,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
