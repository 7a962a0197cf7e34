package org.collapselab.problem;

import org.collapselab.validation.ParameterException;

/**
 * A verifier on the synthetic pool (Feng, Dohmatob, Yang, Charton, Kempe, <i>Beyond Model Collapse: Scaling Up with
 * Synthesized Data Requires Verification</i>, ICLR 2025). The n2 = round(p2·n) synthetic rows are a pool before
 * verification: exactly round(π·n2) of them are <i>bad</i> (labels from w2 = w1 + Δ) and the rest <i>good</i> (labels
 * from w1). The verifier keeps each good row independently with probability ϕ and each bad row with probability ψ;
 * the model trains on the n1 real rows plus the kept rows (weight A on kept rows, loss normalised by 1/(n1 + kept)).
 * {@link #NONE} (π = ϕ = ψ = 1) keeps every row and every row is bad: today's model exactly. Instead of keep
 * probabilities the verifier may be an {@link AcceptBand}, which keeps a row when its label is close to a reference
 * model's prediction (Yi et al.'s accept rule; simulation only).
 *
 * @param badShare π ∈ [0, 1], share of bad rows in the pool
 * @param keepGood ϕ ∈ [0, 1], probability that a good row is kept (1 with a band)
 * @param keepBad ψ ∈ [0, 1], probability that a bad row is kept (1 with a band)
 * @param band the accept rule, or null for the keep probabilities
 */
public record Verifier(double badShare, double keepGood, double keepBad, AcceptBand band)
        implements java.io.Serializable {
    /** No verification: every pool row is bad (shifted) and kept. */
    public static final Verifier NONE = new Verifier(1, 1, 1);

    public Verifier {
        require("badShare", badShare);
        require("keepGood", keepGood);
        require("keepBad", keepBad);
        if (band != null && (keepGood != 1 || keepBad != 1)) {
            throw new ParameterException(
                    keepGood != 1 ? "keepGood" : "keepBad",
                    keepGood != 1 ? keepGood : keepBad,
                    "1 with an accept band (the band decides which rows are kept)");
        }
    }

    /** A verifier with keep probabilities. */
    public Verifier(double badShare, double keepGood, double keepBad) {
        this(badShare, keepGood, keepBad, null);
    }

    private static void require(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new ParameterException(field, v, "in [0, 1]");
        }
    }

    /** True for π = ϕ = ψ = 1 without a band, today's model. */
    public boolean isNone() {
        return badShare == 1 && keepGood == 1 && keepBad == 1 && band == null;
    }

    /** Bad rows of a pool of {@code poolRows}: round(π·n2). */
    public long badRows(long poolRows) {
        return Math.round(badShare * poolRows);
    }

    /** Good rows of a pool of {@code poolRows}: n2 − round(π·n2). */
    public long goodRows(long poolRows) {
        return poolRows - badRows(poolRows);
    }

    /** Expected kept rows of a pool: (n2 − nb)ϕ + nb·ψ. */
    public double expectedKept(long poolRows) {
        return goodRows(poolRows) * keepGood + badRows(poolRows) * keepBad;
    }

    /** Expected kept bad rows of a pool: nb·ψ. */
    public double expectedKeptBad(long poolRows) {
        return badRows(poolRows) * keepBad;
    }

    /** True when the kept counts are random (some keep probability strictly between 0 and 1 on a present group). */
    public boolean randomCounts(long poolRows) {
        if (band != null) {
            return true;
        }
        return goodRows(poolRows) > 0 && keepGood > 0 && keepGood < 1
                || badRows(poolRows) > 0 && keepBad > 0 && keepBad < 1;
    }
}
