package org.collapselab.experiments.diagnose;

import java.util.List;
import org.collapselab.linalg.Matrix;

/**
 * The numeric content of a data file: features (rows in file order) and labels.
 *
 * @param file the file's name as given (for messages)
 * @param features feature column names, in the order of {@link #x()}'s columns
 * @param x feature rows (n×d, column-major)
 * @param y labels
 */
public record LabelledRows(String file, List<String> features, Matrix x, double[] y) {
    public LabelledRows {
        features = List.copyOf(features);
    }

    /** Number of data rows. */
    public int rows() {
        return y.length;
    }
}
