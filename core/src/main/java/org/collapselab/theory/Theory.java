package org.collapselab.theory;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;

/**
 * Single entry point to the deterministic equivalents: the paper's setting goes to {@link RidgeTheory} or
 * {@link RandomProjectionTheory}; two different sources (Σ2, σ2, weight A) to {@link TwoSourceRidgeTheory}; the
 * prior estimator to {@link PriorRidgeTheory} (ridge) or {@link PriorRandomProjectionTheory} (rp); random projections
 * with σ2 ≠ σ1 or A ≠ 1 (Σ2 = Σ1) to {@link WeightedRandomProjectionTheory}, with Σ2 ≠ Σ1 to
 * {@link SketchedTwoSourceTheory}; a verified pool or a trained teacher to {@link SyntheticPoolTheory}; a retraining loop ({@code generations > 0}) gives its last generation
 * ({@link GenerationsTheory} has all of them). Pure function of the {@link Problem}; O(d) per fixed-point evaluation.
 */
public final class Theory {
    private Theory() {}

    /** Predicted expected test error and its decomposition; throws {@link TheoryException} when undefined. */
    public static TheoryResult predict(Problem problem) {
        if (problem.generations().looping()) {
            return GenerationsTheory.predict(problem)
                    .last(); // the last generation; every generation: GenerationsTheory
        }
        if (!problem.plainPool()) {
            return SyntheticPoolTheory.predict(problem);
        }
        if (problem.estimator() == Estimator.PRIOR) {
            return problem.model() == ModelKind.RIDGE
                    ? PriorRidgeTheory.predict(problem)
                    : PriorRandomProjectionTheory.predict(problem);
        }
        if (problem.isBaseline()) {
            return switch (problem.model()) {
                case RIDGE -> RidgeTheory.predict(problem);
                case RANDOM_PROJECTION -> RandomProjectionTheory.predict(problem);
            };
        }
        if (problem.model() == ModelKind.RANDOM_PROJECTION) {
            return problem.syntheticSpectrum() == null
                    ? WeightedRandomProjectionTheory.predict(problem)
                    : SketchedTwoSourceTheory.predict(problem);
        }
        return TwoSourceRidgeTheory.predict(problem);
    }
}
