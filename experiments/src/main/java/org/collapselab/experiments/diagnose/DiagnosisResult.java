package org.collapselab.experiments.diagnose;

import java.util.List;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.advice.Advice;
import org.collapselab.estimation.SourceEstimates;

/**
 * Everything {@code diagnose} found: the estimates, the advisor's recommendation and baselines, each checked against
 * a measured error on real rows, and predicted vs measured error curves.
 *
 * @param realFile real file name as given
 * @param syntheticFile synthetic file name as given
 * @param features feature column names
 * @param estimates the two-source estimates
 * @param advice the advisor's recommendation and baselines (in the theory's normalised units, see
 *     {@link org.collapselab.estimation.DiagnosedRegime}; the checks below carry them in the data's units)
 * @param validation how the recipes were measured and the results
 * @param curves predicted and measured error against k, one per weight
 * @param cpuSeconds CPU seconds of each phase (read, estimate, advise, validate), in order; the work is
 *     single-threaded, so this is the time on an idle core
 */
public record DiagnosisResult(String realFile, String syntheticFile, List<String> features,
                              SourceEstimates estimates, Advice advice, Validation validation,
                              List<Curve> curves,
                              java.util.Map<String, Double> cpuSeconds) {

  /**
   * One recipe's prediction and measurement.
   *
   * @param recipe the recipe
   * @param predicted predicted error with all n1 real rows (the advisor's number)
   * @param predictedAtValidation predicted error at the validation's training size (n1·(K−1)/K for K-fold)
   * @param measured measured mean squared error on held-out real rows
   * @param measuredStdError its standard error
   */
  public record Check(WeightedRidge recipe, double predicted, double predictedAtValidation, double measured,
                      double measuredStdError) {
  }

  /**
   * @param method {@code cross-validation} or {@code test}
   * @param trainingRealRows real rows each validation fit trained on
   * @param heldOutRows real rows the errors are measured on (per fold for cross-validation)
   * @param recommended the recommended recipe
   * @param realOnly the real-only baseline
   * @param allSynthetic the use-everything baseline
   */
  public record Validation(String method, double trainingRealRows, int heldOutRows, Check recommended,
                           Check realOnly, Check allSynthetic) {
  }

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
  public record Curve(double weight, double lambda, int[] rows, double[] predicted, double[] measured,
                      double[] measuredStdError) {
  }
}
