package org.collapselab.experiments.diagnose;

import java.util.List;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.Standardization.RawModel;
import org.collapselab.estimation.WeightedRidge;

/**
 * Everything {@code diagnose} found: the estimates, the recommended recipe and three baselines, each refitted and
 * checked against a measured error on real rows, and predicted vs measured error curves. Errors are in the files'
 * label units (squared).
 *
 * @param realFile real file name as given
 * @param syntheticFile synthetic file name as given
 * @param features feature column names
 * @param estimates the two-source estimates, squared label quantities in the files' units
 * @param validation how the recipes were measured and the results
 * @param curves predicted and measured error against k, one per weight
 * @param cpuSeconds CPU seconds of each phase, in order
 * @param decision how the recommendation was reached, in words
 * @param sensitivity predicted error of the recommended recipe at c2Low, ĉ² and c2High (σ1² at its estimate)
 * @param binary true when the real labels are 0/1
 * @param warnings notes on the input (constant or repeated columns, dropped rows)
 * @param classification the ℓ2-logistic recipe of {@code --task classification} (null otherwise)
 * @param verification what a simple verifier keeps of the synthetic rows, and the "verify then train" recipe
 */
public record DiagnosisResult(
        String realFile,
        String syntheticFile,
        List<String> features,
        SourceEstimates estimates,
        Validation validation,
        List<Curve> curves,
        java.util.Map<String, Double> cpuSeconds,
        String decision,
        double[] sensitivity,
        boolean binary,
        List<String> warnings,
        ClassificationChoice classification,
        Verification verification) {

    /**
     * One recipe's prediction and measurement.
     *
     * @param recipe the recipe (λ on the standardised features)
     * @param predicted predicted error with all n1 real rows, label noise included: the theory's prediction, floored
     *     by the recipe's K-fold cross-validated error on the real rows scaled by the theory's ratio between n1 and
     *     n1·(K−1)/K real rows (the theory's σ1² from few rows runs low; cross-validation measures the level)
     * @param predictedAtValidation the same at the validation's training size (n1·(K−1)/K for K-fold, n1 with a test
     *     file)
     * @param measured measured mean squared error on held-out real rows
     * @param measuredStdError its standard error
     * @param model the recipe fitted on all real rows and its synthetic rows, in the files' units
     * @param sklearnAlpha scikit-learn's {@code alpha} of the same fit: λ·(n1 + k) with StandardScaler fitted on the
     *     real rows and {@code sample_weight} A on the synthetic rows
     * @param accuracy measured share of 0/1 labels predicted right (threshold 0.5; NaN unless binary)
     * @param auc measured area under the ROC curve (NaN unless binary)
     * @param predictedByTheory the theory's prediction with n1 real rows alone (no cross-validation floor)
     */
    public record Check(
            WeightedRidge recipe,
            double predicted,
            double predictedAtValidation,
            double measured,
            double measuredStdError,
            RawModel model,
            double sklearnAlpha,
            double accuracy,
            double auc,
            double predictedByTheory) {}

    /**
     * @param method {@code cross-validation} or {@code test}
     * @param trainingRealRows real rows each validation fit trained on
     * @param heldOutRows real rows the errors are measured on (per fold for cross-validation)
     * @param recommended the recommended recipe
     * @param realOnly real rows only, λ by cross-validation
     * @param allSynthetic all synthetic rows at weight 1, λ by cross-validation
     * @param practitioner (k, A, λ) chosen by K-fold cross-validation on the real rows
     */
    public record Validation(
            String method,
            double trainingRealRows,
            int heldOutRows,
            Check recommended,
            Check realOnly,
            Check allSynthetic,
            Check practitioner) {}

    /**
     * Error against the number of synthetic rows k at one weight (λ of the recommendation).
     *
     * @param weight synthetic weight A
     * @param lambda ridge penalty
     * @param rows values of k
     * @param predicted predicted error at the validation's training size
     * @param measured measured errors
     * @param measuredStdError their standard errors
     */
    public record Curve(
            double weight,
            double lambda,
            int[] rows,
            double[] predicted,
            double[] measured,
            double[] measuredStdError) {}
}
