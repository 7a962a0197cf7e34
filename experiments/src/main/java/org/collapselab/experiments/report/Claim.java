package org.collapselab.experiments.report;

/**
 * A claim of the paper with the number measured here that supports or contradicts it.
 *
 * @param claim the paper's statement, in words
 * @param measured what was measured (numbers with units)
 * @param verdict whether the measurement supports the claim
 */
public record Claim(String claim, String measured, Verdict verdict) {
  /** Outcome of checking a claim. */
  public enum Verdict {
    SUPPORTED, CONTRADICTED, INCONCLUSIVE
  }
}
