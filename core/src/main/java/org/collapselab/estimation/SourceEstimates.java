package org.collapselab.estimation;

/**
 * What {@link SourceEstimator} learns from a real and a synthetic data set: the two covariances, the two noise levels,
 * the signal and the synthetic quality c² = ‖w2 − w1‖²_Σ1 with a confidence interval.
 *
 * @param dimension d (number of features)
 * @param realRows n1
 * @param syntheticRows n2
 * @param realSpectrum eigenvalues of the real covariance Σ̂1, descending
 * @param syntheticSpectrum diagonal of Σ̂2 (second moment of the synthetic rows about the real mean) in Σ̂1's
 *     eigenbasis, in the same order
 * @param covarianceDistance ‖Σ̂2 − Σ̂1‖_F / ‖Σ̂1‖_F
 * @param offDiagonalShare ‖offdiag(VᵀΣ̂2V)‖_F / ‖Σ̂2‖_F: how far Σ̂2 is from diagonal in Σ̂1's basis (0 = the theory's
 *     assumption holds)
 * @param meanShift Mahalanobis distance of the synthetic feature mean from the real one, √(δᵀΣ̂1⁻¹δ)
 * @param sigma2Real σ1², residual variance of the real rows' least-squares fit
 * @param sigma2Synthetic σ2², residual variance of the synthetic rows' least-squares fit
 * @param sigma2RealStdError standard error of σ1² (from the spread of the squared residuals)
 * @param sigma2SyntheticStdError standard error of σ2²
 * @param signal ‖w1‖²_Σ1, debiased (variance of the real labels explained by the features)
 * @param c2 the cross-fitted estimate of c², clipped at 0
 * @param c2Raw the unclipped estimate (may be negative when c² ≈ 0)
 * @param c2StdError its standard error
 * @param c2Low lower end of the {@code confidence} interval (≥ 0)
 * @param c2High upper end
 * @param confidence nominal coverage of (c2Low, c2High)
 * @param splits number of random half-splits averaged
 */
public record SourceEstimates(int dimension, int realRows, int syntheticRows, double[] realSpectrum,
                              double[] syntheticSpectrum, double covarianceDistance, double offDiagonalShare,
                              double meanShift, double sigma2Real, double sigma2Synthetic,
                              double sigma2RealStdError, double sigma2SyntheticStdError, double signal, double c2,
                              double c2Raw, double c2StdError, double c2Low, double c2High, double confidence,
                              int splits) {
}
