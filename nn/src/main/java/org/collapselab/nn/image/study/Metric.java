package org.collapselab.nn.image.study;

import java.util.function.ToDoubleFunction;

/** The two test metrics every cell reports on the real test split. */
public enum Metric {
    /** Mean squared error against one-hot labels (the paper's regression loss). */
    MSE("test MSE on real data", CellResult::testMse),
    /** Classification error (arg-max). */
    ERROR("test classification error on real data", CellResult::testError);

    private final String label;
    private final ToDoubleFunction<CellResult> value;

    Metric(String label, ToDoubleFunction<CellResult> value) {
        this.label = label;
        this.value = value;
    }

    /** Axis label. */
    public String label() {
        return label;
    }

    /** The metric's value in a result. */
    public double of(CellResult r) {
        return value.applyAsDouble(r);
    }
}
