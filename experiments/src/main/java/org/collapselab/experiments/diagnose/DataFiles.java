package org.collapselab.experiments.diagnose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.linalg.Matrix;

/** Reads the real, synthetic and test files of one {@code diagnose} call and notes what a user should know. */
public final class DataFiles {
    private DataFiles() {}

    /**
     * The three files' rows and the warnings.
     *
     * @param real the real rows
     * @param synthetic the synthetic rows, in the real file's feature order
     * @param test the test rows (null without a test file)
     * @param warnings notes for the user (column names only, never cell values)
     */
    public record Read(LabelledRows real, LabelledRows synthetic, LabelledRows test, List<String> warnings) {}

    /** Reads and checks the real, synthetic and (optional) test files of {@code o}, one-hot encoding them alike. */
    public static Read read(DiagnoseOptions o) {
        List<String> warnings = new ArrayList<>();
        LabelledRows real = CsvDataFile.read(o.real(), o, null, null, warnings);
        OneHot levels = OneHot.of(o.oneHot(), List.of());
        if (!o.oneHot().isEmpty()) {
            levels = levelsOf(real, o.oneHot());
        }
        LabelledRows syn = CsvDataFile.read(o.synthetic(), o, real.features(), levels, warnings);
        LabelledRows test = o.test() == null ? null : CsvDataFile.read(o.test(), o, real.features(), levels, warnings);
        warnings.addAll(columnWarnings(real));
        return new Read(real, syn, test, warnings);
    }

    /** Feature rows to predict (label column optional), in the real file's feature order. */
    static LabelledRows predictRows(java.nio.file.Path path, DiagnoseOptions o, List<String> features) {
        return CsvDataFile.readFeatures(
                path,
                o,
                features,
                o.oneHot().isEmpty()
                        ? OneHot.of(List.of(), List.of())
                        : levelsOf(
                                new LabelledRows("", features, Matrix.zeros(0, features.size()), new double[0]),
                                o.oneHot()),
                new ArrayList<>());
    }

    /** Writes the recommended model's predictions (probabilities of the logistic model under --task classification) for {@code input} to {@code output} (CSV, header "prediction"). */
    public static int predict(DiagnoseOptions o, DiagnosisResult r, java.nio.file.Path input, java.nio.file.Path output)
            throws java.io.IOException {
        LabelledRows rows = predictRows(input, o, r.features());
        double[] p;
        if (r.classification() != null) {
            p = r.classification().model().predict(rows.x());
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 / (1 + Math.exp(-p[i]));
            }
        } else {
            p = r.validation().recommended().model().predict(rows.x());
        }
        java.nio.file.Path parent = output.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(parent);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(parent, ".predictions-", ".tmp");
        try {
            StringBuilder b = new StringBuilder("prediction\n");
            for (double v : p) {
                b.append(v).append('\n');
            }
            java.nio.file.Files.writeString(tmp, b);
            java.nio.file.Files.move(
                    tmp,
                    output,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        return p.length;
    }

    /** The one-hot levels of the real file, recovered from its COL=category feature names. */
    static OneHot levelsOf(LabelledRows real, List<String> columns) {
        List<List<String>> levels = new ArrayList<>();
        for (String c : columns) {
            List<String> l = new ArrayList<>();
            for (String f : real.features()) {
                if (f.startsWith(c + "=")) {
                    l.add(f.substring(c.length() + 1));
                }
            }
            levels.add(l);
        }
        return new OneHot(List.copyOf(columns), levels);
    }

    /** Constant and repeated feature columns of the real rows. */
    static List<String> columnWarnings(LabelledRows f) {
        List<String> out = new ArrayList<>();
        Matrix x = f.x();
        int n = x.rows();
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int j = 0; j < x.cols(); j++) {
            boolean constant = true;
            long h = 17;
            for (int i = 0; i < n; i++) {
                double v = x.get(i, j);
                constant &= v == x.get(0, j);
                h = h * 31 + Double.hashCode(v + 0.0);
            }
            String name = f.features().get(j);
            if (constant) {
                out.add(f.file() + ": column '" + name
                        + "' is constant in the real rows: it is ignored (coefficient 0)");
                continue;
            }
            for (int k : byHash.computeIfAbsent(h, key -> new ArrayList<>())) {
                boolean same = true;
                for (int i = 0; i < n && same; i++) {
                    same = x.get(i, j) == x.get(i, k);
                }
                if (same) {
                    out.add(f.file() + ": column '" + name + "' repeats column '"
                            + f.features().get(k) + "' in the real rows: their coefficients share one effect");
                }
            }
            byHash.get(h).add(j);
        }
        return out;
    }
}
