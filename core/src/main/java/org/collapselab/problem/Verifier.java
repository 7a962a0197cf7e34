package org.collapselab.problem;

import org.collapselab.validation.ParameterException;

/**
 * A verifier on the synthetic pool (Feng, Dohmatob, Yang, Charton, Kempe, <i>Beyond Model Collapse: Scaling Up with
 * Synthesized Data Requires Verification</i>, ICLR 2025). The n2 = round(p2·n) synthetic rows are a pool before
 * verification: exactly round(π·n2) of them are <i>bad</i> (labels from w2 = w1 + Δ) and the rest <i>good</i> (labels
 * from w1). The verifier keeps each good row independently with probability ϕ and each bad row with probability ψ;
 * the model trains on the n1 real rows plus the kept rows (weight A on kept rows, loss normalised by 1/(n1 + kept)).
 * {@link #NONE} (π = ϕ = ψ = 1) keeps every row and every row is bad: today's model exactly.
 *
 * @param badShare π ∈ [0, 1], share of bad rows in the pool
 * @param keepGood ϕ ∈ [0, 1], probability that a good row is kept
 * @param keepBad ψ ∈ [0, 1], probability that a bad row is kept
 */
public record Verifier(double badShare, double keepGood, double keepBad) implements java.io.Serializable {
  /** No verification: every pool row is bad (shifted) and kept. */
  public static final Verifier NONE = new Verifier(1, 1, 1);

  public Verifier {
    require("badShare", badShare);
    require("keepGood", keepGood);
    require("keepBad", keepBad);
  }

  private static void require(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new ParameterException(field, v, "in [0, 1]");
    }
  }

  /** True for π = ϕ = ψ = 1, today's model. */
  public boolean isNone() {
    return badShare == 1 && keepGood == 1 && keepBad == 1;
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
    return goodRows(poolRows) > 0 && keepGood > 0 && keepGood < 1
        || badRows(poolRows) > 0 && keepBad > 0 && keepBad < 1;
  }
}
