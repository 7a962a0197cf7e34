package org.collapselab.experiments.diagnose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.collapselab.linalg.Matrix;

/**
 * The {@code --one-hot COL,...} expansion: each named column becomes one 0/1 column per category seen in the REAL
 * file, named {@code COL=category} (sorted); a category the real rows never show gives all zeros (with a warning).
 *
 * @param columns the categorical column names
 * @param levels their categories, sorted
 */
record OneHot(List<String> columns, List<List<String>> levels) {

    /** Levels from the real file's categorical cells. */
    static OneHot of(List<String> columns, List<String[]> cells) {
        List<List<String>> levels = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            TreeSet<String> s = new TreeSet<>();
            for (String[] r : cells) {
                s.add(r[j]);
            }
            levels.add(List.copyOf(s));
        }
        return new OneHot(List.copyOf(columns), levels);
    }

    /** Warns about categories of another file the real rows do not have (column names only, never the values). */
    void warnUnknown(String file, List<String[]> cells, List<String> warnings) {
        for (int j = 0; j < columns.size(); j++) {
            int unknown = 0;
            for (String[] r : cells) {
                unknown += levels.get(j).contains(r[j]) ? 0 : 1;
            }
            if (unknown > 0) {
                warnings.add(file + ": " + unknown + " rows have a category of '" + columns.get(j)
                        + "' that the real rows do not have (all its 0/1 columns are 0)");
            }
        }
    }

    /** The feature names: numeric columns, then COL=category columns. */
    List<String> names(List<String> numeric) {
        List<String> out = new ArrayList<>(numeric);
        for (int j = 0; j < columns.size(); j++) {
            for (String l : levels.get(j)) {
                out.add(columns.get(j) + "=" + l);
            }
        }
        return out;
    }

    /** Rows (numeric cells then the label) and categorical cells as labelled rows in {@code order} (or file order). */
    LabelledRows assemble(
            String file, List<String> numeric, List<double[]> rows, List<String[]> cats, List<String> order) {
        List<String> names = names(numeric);
        int n = rows.size();
        int d = names.size();
        int dn = numeric.size();
        int[] target = new int[d];
        if (order == null) {
            for (int j = 0; j < d; j++) {
                target[j] = j;
            }
        } else {
            Map<String, Integer> pos = new HashMap<>();
            for (int j = 0; j < order.size(); j++) {
                pos.put(order.get(j), j);
            }
            for (int j = 0; j < d; j++) {
                Integer p = pos.get(names.get(j));
                if (p == null) {
                    throw new DataFileException(
                            file,
                            "line 1",
                            "a feature column the real file does not have",
                            "the real file's " + order.size() + " feature columns (any order)");
                }
                target[j] = p;
            }
            if (d != order.size()) {
                throw new DataFileException(
                        file,
                        "line 1",
                        d + " feature columns",
                        "the real file's " + order.size() + " feature columns (any order)");
            }
        }
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            for (int j = 0; j < dn; j++) {
                x[i + target[j] * n] = r[j];
            }
            y[i] = r[dn];
            int col = dn;
            for (int c = 0; c < columns.size(); c++) {
                List<String> lv = levels.get(c);
                int hit = lv.indexOf(cats.get(i)[c]);
                if (hit >= 0) {
                    x[i + target[col + hit] * n] = 1;
                }
                col += lv.size();
            }
        }
        return new LabelledRows(file, order == null ? names : order, new Matrix(n, d, x), y);
    }
}
