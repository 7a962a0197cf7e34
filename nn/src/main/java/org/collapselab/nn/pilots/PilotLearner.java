package org.collapselab.nn.pilots;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * The learners {@code forecast --real} can pilot, with their fixed settings and the error each reports on the real
 * test rows. Settings are fixed (never tuned on the test rows) and part of every pilot cell's key.
 */
public enum PilotLearner {
    /** Ridge on standardised features, unpenalised intercept, λ = 10⁻³ fixed; error: MSE. */
    RIDGE("ridge", "lambda=0.001"),
    /** ℓ2-logistic (one-vs-rest for more than two classes), λ = 10⁻³ fixed; error: misclassification rate. */
    LOGISTIC("logistic", "lambda=0.001,ovr"),
    /** Two-layer ReLU network, width 64, Adam (lr 10⁻³, batch 32, 100 epochs), no weight decay; error: MSE. */
    MLP("mlp", "width=64,epochs=100,batch=32,lr=0.001"),
    /** Random ReLU features, width 256, ridge readout with λ = 10⁻³; error: MSE. */
    RANDOM_FEATURES("random-features", "width=256,lambda=0.001");

    /** Ridge and logistic penalty λ on standardised features. */
    static final double LAMBDA = 1e-3;
    /** Hidden width of the network. */
    static final int MLP_WIDTH = 64;
    /** Epochs of the network (fixed: its cost grows like n). */
    static final int MLP_EPOCHS = 100;
    /** Random features of the random-features model. */
    static final int RF_WIDTH = 256;
    /** Most classes the logistic learner accepts. */
    static final int MAX_CLASSES = 20;

    private final String flag;
    private final String settings;

    PilotLearner(String flag, String settings) {
        this.flag = flag;
        this.settings = settings;
    }

    /** The {@code --learner} value. */
    public String flag() {
        return flag;
    }

    /** Its fixed settings, canonical (they enter the cell keys). */
    public String settings() {
        return settings;
    }

    /** True for the DJL/PyTorch learners. */
    public boolean neural() {
        return this == MLP || this == RANDOM_FEATURES;
    }

    /** True when the error is a misclassification rate (labels are classes). */
    public boolean classifies() {
        return this == LOGISTIC;
    }

    /** What the error column means. */
    public String errorName() {
        return classifies() ? "misclassification rate on the real test rows" : "MSE on the real test rows";
    }

    /** The learner named by {@code --learner}. */
    public static PilotLearner parse(String text) {
        for (PilotLearner l : values()) {
            if (l.flag.equals(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new ParameterException("--learner", text, "one of ridge, logistic, mlp, random-features");
    }
}
