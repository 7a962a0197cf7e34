package org.collapselab.estimation;

import org.collapselab.data.AcceptBandFilter;
import org.collapselab.linalg.Matrix;
import org.collapselab.problem.AcceptBand;
import org.collapselab.validation.ParameterException;

/**
 * A simple verifier of a user's synthetic rows: keep a row when its label agrees with a reference model fitted on the
 * real rows, |y − ŷ(x)| ≤ κ·s, with s² the reference's own held-out squared error (so the band widens with the label
 * noise and the reference's estimation error). Yi et al.'s accept band ({@link AcceptBand}, applied by
 * {@link AcceptBandFilter}) with slope r = 0 and half-width σ_c = κ·s, around a {@link WeightedRidge} fit with its
 * intercept; Feng et al., <i>Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification</i>
 * (ICLR 2025) for why a verifier pays.
 */
public final class AgreementFilter {
    /** Half-width of the band in units of s: κ = 2 keeps about 95% of rows whose labels follow the reference. */
    public static final double DEFAULT_BAND = 2;

    private AgreementFilter() {}

    /**
     * The verdict on each row.
     *
     * @param keep true for each kept row, in row order
     * @param kept number of kept rows
     * @param share kept / rows
     * @param halfWidth κ·s, the band's half-width (label units of the inputs)
     */
    public record Verdict(boolean[] keep, int kept, double share, double halfWidth) {
        /** Indices of the kept rows, ascending. */
        public int[] keptRows() {
            int[] out = new int[kept];
            for (int i = 0, j = 0; i < keep.length; i++) {
                if (keep[i]) {
                    out[j++] = i;
                }
            }
            return out;
        }
    }

    /**
     * Verifies the synthetic rows of {@code data} against a {@link WeightedRidge} fit (w, b, o), predicted as real rows
     * are (offset included), with s² = {@code referenceError} and band κ (standardised units).
     */
    public static Verdict verify(TwoSourceData data, double[] coefficients, double referenceError, double band) {
        return verify(data.synthetic(), data.syntheticLabels(), coefficients, referenceError, band);
    }

    /** Verifies rows (x, y) against the fit (w, b, o) of length d + 2 (prediction b + o + xᵀw). */
    public static Verdict verify(Matrix x, double[] y, double[] coefficients, double referenceError, double band) {
        if (!(band > 0) || Double.isInfinite(band)) {
            throw new ParameterException("band", band, "finite and > 0");
        }
        if (!(referenceError >= 0) || Double.isInfinite(referenceError)) {
            throw new ParameterException("referenceError", referenceError, "finite and >= 0");
        }
        int d = x.cols();
        if (coefficients.length != d + 2) {
            throw new IllegalArgumentException(
                    "coefficients (w, b, o) must have length d + 2 = " + (d + 2) + ", got " + coefficients.length);
        }
        double intercept = coefficients[d] + coefficients[d + 1];
        double[] centred = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            centred[i] = y[i] - intercept;
        }
        double h = band * Math.sqrt(referenceError);
        boolean[] keep = AcceptBandFilter.keeps(
                new AcceptBand(0, h, null), x, centred, 0, java.util.Arrays.copyOf(coefficients, d));
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        return new Verdict(keep, kept, y.length == 0 ? 0 : (double) kept / y.length, h);
    }
}
