package org.collapselab.experiments.diagnose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.linalg.Matrix;

/**
 * Reads a {@code diagnose} data file: CSV (commons-csv, RFC 4180) with a header line, every cell a finite number; the
 * label column is named by the caller and every other column is a feature. Errors are {@link DataFileException}s
 * naming the file, line and column (1-based), never a cell's text.
 */
public final class CsvDataFile {
  private CsvDataFile() {}

  /**
   * Reads {@code path}; {@code featureOrder}, when not null, is the real file's feature list: this file must have
   * the same feature names (in any order) and its columns are returned in that order.
   */
  public static LabelledRows read(Path path, String label, List<String> featureOrder) {
    return read(path, new DiagnoseOptions(path, path, label, null, 5, 16, 1), featureOrder, new ArrayList<>());
  }

  /** Reads {@code path} with the options' label, delimiter, one-hot and missing-cell rules; notes go to warnings. */
  static LabelledRows read(Path path, DiagnoseOptions options, List<String> featureOrder, List<String> warnings) {
    String label = options.label();
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new DataFileException(file, "file", "no readable file", "an existing CSV file");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
         CSVParser parser = format.parse(in)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new DataFileException(file, "line 1", "an empty file", "a header line naming the columns, then rows");
      }
      int labelColumn = header.indexOf(label);
      if (labelColumn < 0) {
        throw new DataFileException(file, "line 1", "no column named '" + label + "'",
            "a header with the label column (--label, default y)");
      }
      int[] source = featureColumns(file, header, labelColumn, featureOrder);
      List<String> features = new ArrayList<>();
      for (int c : source) {
        features.add(header.get(c));
      }
      List<double[]> rows = new ArrayList<>();
      long line = 1;
      for (CSVRecord record : parser) {
        line = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          throw new DataFileException(file, "line " + line, record.size() + " cells",
              header.size() + " cells, one per header column");
        }
        double[] row = new double[source.length + 1];
        for (int j = 0; j < source.length; j++) {
          row[j] = number(file, line, source[j], record.get(source[j]));
        }
        row[source.length] = number(file, line, labelColumn, record.get(labelColumn));
        rows.add(row);
      }
      return toRows(file, features, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      if (e instanceof DataFileException d) {
        throw d;
      }
      // commons-csv parse errors (duplicate header names, unterminated quotes): report without the file's text.
      throw new DataFileException(file, "header or quoting", "malformed CSV",
          "RFC 4180 CSV with unique header names");
    }
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
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
          .setRecordSeparator('\n').get();
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
      Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static int[] featureColumns(String file, List<String> header, int labelColumn, List<String> order) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      if (c != labelColumn) {
        index.put(header.get(c), c);
      }
    }
    if (index.isEmpty()) {
      throw new DataFileException(file, "line 1", "no feature columns", "at least one column besides the label");
    }
    if (order == null) {
      int[] cols = new int[header.size() - 1];
      for (int c = 0, k = 0; c < header.size(); c++) {
        if (c != labelColumn) {
          cols[k++] = c;
        }
      }
      return cols;
    }
    for (int c = 0; c < header.size(); c++) {
      if (c != labelColumn && !order.contains(header.get(c))) {
        throw new DataFileException(file, "line 1, column " + (c + 1), "a feature column the real file does not have",
            "the real file's " + order.size() + " feature columns (any order)");
      }
    }
    if (index.size() != order.size()) {
      throw new DataFileException(file, "line 1", index.size() + " feature columns",
          "the real file's " + order.size() + " feature columns (any order)");
    }
    int[] cols = new int[order.size()];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = index.get(order.get(j));
    }
    return cols;
  }

  private static double number(String file, long line, int column, String cell) {
    String where = "line " + line + ", column " + (column + 1);
    if (cell.isEmpty()) {
      throw new DataFileException(file, where, "an empty cell", "a finite number");
    }
    double v;
    try {
      v = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new DataFileException(file, where, "a non-numeric cell", "a finite number");
    }
    if (!Double.isFinite(v)) {
      throw new DataFileException(file, where, Double.isNaN(v) ? "NaN" : "an infinite value", "a finite number");
    }
    return v;
  }

  private static LabelledRows toRows(String file, List<String> features, List<double[]> rows) {
    int n = rows.size();
    int d = features.size();
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      for (int j = 0; j < d; j++) {
        x[i + j * n] = r[j];
      }
      y[i] = r[d];
    }
    return new LabelledRows(file, features, new Matrix(n, d, x), y);
  }
}
