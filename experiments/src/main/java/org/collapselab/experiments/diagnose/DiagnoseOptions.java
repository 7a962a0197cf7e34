package org.collapselab.experiments.diagnose;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.validation.ParameterException;

/**
 * What {@code diagnose} reads and how it validates.
 *
 * @param real the real rows' file
 * @param synthetic the synthetic rows' file (row order matters: a recipe uses the first k rows)
 * @param label name of the label column (or of the label array in an {@code .npz})
 * @param test optional file of held-out real rows; null = cross-validate on the real rows
 * @param folds K of the K-fold cross-validation
 * @param splits unused since the moment estimator (kept for callers of the seven-argument form)
 * @param seed seed of the folds
 * @param delimiter the CSV delimiter, or 0 to detect it from the header line ({@code ,} {@code ;} or tab)
 * @param oneHot categorical columns to expand into 0/1 columns
 * @param dropMissing drop rows with an empty or NA cell instead of refusing the file
 * @param task {@code regression} or {@code classification} (0/1 labels; chooses on log-loss)
 */
public record DiagnoseOptions(
        Path real,
        Path synthetic,
        String label,
        Path test,
        int folds,
        int splits,
        long seed,
        char delimiter,
        List<String> oneHot,
        boolean dropMissing,
        String task) {
    public DiagnoseOptions {
        if (label == null || label.isEmpty()) {
            throw new ParameterException("label", label, "a column name");
        }
        if (folds < 2 || folds > 50) {
            throw new ParameterException("folds", folds, "an integer in [2, 50]");
        }
        if (splits < 1 || splits > 1000) {
            throw new ParameterException("splits", splits, "an integer in [1, 1000]");
        }
        if (delimiter != 0 && delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|') {
            throw new ParameterException("delimiter", String.valueOf(delimiter), "one of , ; | tab");
        }
        oneHot = oneHot == null ? List.of() : List.copyOf(oneHot);
        if (task == null || !(task.equals("regression") || task.equals("classification"))) {
            throw new ParameterException("task", task, "regression or classification");
        }
    }

    /** The seven-argument form: comma or detected delimiter, no one-hot columns, regression. */
    public DiagnoseOptions(Path real, Path synthetic, String label, Path test, int folds, int splits, long seed) {
        this(real, synthetic, label, test, folds, splits, seed, (char) 0, List.of(), false, "regression");
    }

    /** Defaults: label y, 5 folds, seed 1. */
    public static DiagnoseOptions of(Path real, Path synthetic, Path test) {
        return new DiagnoseOptions(real, synthetic, "y", test, 5, 16, 1);
    }

    /** True for {@code --task classification}. */
    public boolean classification() {
        return task.equals("classification");
    }
}
