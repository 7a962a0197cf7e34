package org.collapselab.classification;

import org.collapselab.theory.TheoryException;

/**
 * Single entry point to the classification theory: the square loss goes to {@link SquareLossTheory}, the logistic
 * loss to {@link LogisticTheory}. Pseudo-labelling loops ({@code generations > 0}) have no state evolution here
 * and are refused with {@link #SIMULATION_ONLY}. Pure function of the {@link ClassificationProblem}.
 */
public final class ClassificationTheory {
    /** Start of the message of a setting that only simulation covers. */
    public static final String SIMULATION_ONLY = "no theory for this setting (simulation only)";

    private ClassificationTheory() {}

    /** Predicted mean real-test 0–1 error with its certificate; throws {@link TheoryException} when undefined. */
    public static ClassificationResult predict(ClassificationProblem p) {
        if (p.generations().looping()) {
            throw new TheoryException(SIMULATION_ONLY + ": pseudo-labelling loops (--generations > 0) are simulated; "
                    + "no state evolution is implemented for them");
        }
        return p.loss() == Loss.SQUARE ? SquareLossTheory.predict(p) : LogisticTheory.predict(p);
    }
}
