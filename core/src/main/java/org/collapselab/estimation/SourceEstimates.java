package org.collapselab.estimation;

/**
 * What {@link SourceEstimator} learns from a real and a synthetic data set: the two covariances, the two noise
 * levels, the signal, the label offset and the synthetic quality c² = ‖w2 − w1‖²_Σ1 with a confidence interval. The
 * estimator returns them in standardised units ({@link Standardization}); {@link #inLabelUnits} converts squared
 * label quantities to the files' units (spectra and shifts stay in standardised feature units).
 *
 * @param dimension d (number of features)
 * @param realRows n1
 * @param syntheticRows n2
 * @param realSpectrum eigenvalues of the estimate of Σ1 (standardised features), descending
 * @param syntheticSpectrum diagonal of Σ̂2 (synthetic covariance about its own mean) in that eigenbasis
 * @param covarianceDistance ‖Σ̂2 − Σ̂1‖_F / ‖Σ̂1‖_F
 * @param offDiagonalShare ‖offdiag(VᵀΣ̂2V)‖_F / ‖Σ̂2‖_F: how far Σ̂2 is from diagonal in Σ̂1's basis
 * @param meanShift Mahalanobis distance of the synthetic feature mean from the real one, √(δᵀΣ̂1⁻¹δ)
 * @param sigma2Real σ1², real label noise (variance of the real labels not explained by a linear function)
 * @param sigma2Synthetic σ2², residual variance of the synthetic rows' fit
 * @param sigma2RealStdError standard error of σ1²
 * @param sigma2SyntheticStdError standard error of σ2²
 * @param signal ‖w1‖²_Σ1 (variance of the real labels explained by the features), debiased
 * @param c2 the estimate of c², clipped at 0
 * @param c2Raw the unclipped estimate (may be negative when c² ≈ 0)
 * @param c2StdError its standard error
 * @param c2Low lower end of the {@code confidence} interval (≥ 0)
 * @param c2High upper end
 * @param confidence nominal coverage of (c2Low, c2High)
 * @param splits jackknife replicates behind the standard error (0 for the closed form of the least-squares route)
 * @param estimator {@code u-statistic} or {@code least-squares} (see {@link SourceEstimator})
 * @param gap ‖ŵ2 − w1‖²_Σ1, the real error of the synthetic rows' own fit beyond noise (c² plus its variance)
 * @param gapStdError its standard error
 * @param gapSigmaCovariance covariance of the estimates of gap and σ1²
 * @param labelOffset mean real label minus the synthetic fit's prediction at the real rows (b1 − b2)
 * @param labelOffsetStdError its standard error
 * @param featureShift synthetic minus real mean of each standardised feature
 */
public record SourceEstimates(
        int dimension,
        int realRows,
        int syntheticRows,
        double[] realSpectrum,
        double[] syntheticSpectrum,
        double covarianceDistance,
        double offDiagonalShare,
        double meanShift,
        double sigma2Real,
        double sigma2Synthetic,
        double sigma2RealStdError,
        double sigma2SyntheticStdError,
        double signal,
        double c2,
        double c2Raw,
        double c2StdError,
        double c2Low,
        double c2High,
        double confidence,
        int splits,
        String estimator,
        double gap,
        double gapStdError,
        double gapSigmaCovariance,
        double labelOffset,
        double labelOffsetStdError,
        double[] featureShift) {

    /** Squared label quantities ×s², the offset ×s (s = the real labels' standard deviation). */
    public SourceEstimates inLabelUnits(double s) {
        double s2 = s * s;
        return new SourceEstimates(
                dimension,
                realRows,
                syntheticRows,
                realSpectrum,
                syntheticSpectrum,
                covarianceDistance,
                offDiagonalShare,
                meanShift,
                s2 * sigma2Real,
                s2 * sigma2Synthetic,
                s2 * sigma2RealStdError,
                s2 * sigma2SyntheticStdError,
                s2 * signal,
                s2 * c2,
                s2 * c2Raw,
                s2 * c2StdError,
                s2 * c2Low,
                s2 * c2High,
                confidence,
                splits,
                estimator,
                s2 * gap,
                s2 * gapStdError,
                s2 * s2 * gapSigmaCovariance,
                s * labelOffset,
                s * labelOffsetStdError,
                featureShift);
    }
}
