package org.collapselab.experiments.diagnose;

import org.collapselab.estimation.AgreementFilter;
import org.collapselab.estimation.DiagnosedRegime;
import org.collapselab.estimation.RecipeSearch;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.Rows;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;

/**
 * "Verify then train": what a simple verifier would keep of the synthetic rows, and the recipe trained on the real
 * rows plus the kept rows. The verifier is {@link AgreementFilter}: a synthetic row is kept when its label lies within
 * ±κ·s of the real-only ridge fit (λ by cross-validation), s² that fit's cross-validated error. The kept rows are
 * then diagnosed like any synthetic file (estimates, theory recipe); the recipe is checked on the real rows the same
 * way as the others. Caveat: the verifier saw every real row, so cross-validated errors of the verified recipe are
 * slightly optimistic (a test file has no such bias).
 *
 * @param rule the verifier in words
 * @param band κ
 * @param keptRows synthetic rows kept
 * @param syntheticRows synthetic rows offered
 * @param keptShare keptRows / syntheticRows
 * @param recipe the verified recipe, predicted and measured (null when fewer than the estimator's minimum were kept)
 */
public record Verification(String rule, double band, int keptRows, int syntheticRows, double keptShare, Check recipe) {

    /** The filtered data and its diagnosis, for {@link Diagnosis} to check. */
    record Plan(AgreementFilter.Verdict verdict, TwoSourceData data, DiagnosedRegime regime, WeightedRidge recipe) {}

    static final String RULE = "keep a synthetic row when |y − ŷ_real(x)| ≤ κ·s (ŷ_real: real-only ridge, λ by "
            + "cross-validation; s²: its cross-validated error)";

    /** Filters the synthetic rows of {@code raw} and diagnoses the kept ones (recipe null when too few are kept). */
    static Plan plan(
            TwoSourceData data,
            LabelledRows real,
            LabelledRows syn,
            RecipeValidation validation,
            WeightedRidge realOnly) {
        AgreementFilter.Verdict v = AgreementFilter.verify(
                data,
                validation.fitAll(realOnly),
                validation.crossValidate(realOnly).error(),
                AgreementFilter.DEFAULT_BAND);
        if (v.kept() < SourceEstimator.MINIMUM_SYNTHETIC_ROWS) {
            return new Plan(v, null, null, null);
        }
        int[] rows = v.keptRows();
        TwoSourceData kept =
                TwoSourceData.of(real.x(), real.y(), Rows.select(syn.x(), rows), Rows.select(syn.y(), rows));
        DiagnosedRegime regime = DiagnosedRegime.of(SourceEstimator.estimate(kept));
        RecipeSearch.Scored s = RecipeSearch.byTheory(regime, kept.realRows(), regime.offsetPenalty(), false);
        return new Plan(v, kept, regime, s == null ? null : s.recipe());
    }
}
