package org.collapselab.experiments.report;

import java.util.List;

/**
 * A claim of the paper with the number measured here that supports or contradicts it, and the named thresholds the
 * verdict was judged against (printed beside it). Build verdicts with {@link Verdicts}.
 *
 * @param claim the paper's statement, in words
 * @param measured what was measured (numbers with units)
 * @param verdict whether the measurement supports the claim
 * @param thresholds the criteria the verdict rests on (may be empty)
 */
public record Claim(String claim, String measured, Verdict verdict, List<Threshold> thresholds) {
    public Claim {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /** A claim judged against the given thresholds. */
    public Claim(String claim, String measured, Verdict verdict, Threshold... thresholds) {
        this(claim, measured, verdict, List.of(thresholds));
    }

    /** The thresholds as one line, e.g. {@code PLATEAU_TOLERANCE = 0.1 (largest relative deviation)}. */
    public String criteria() {
        return String.join("; ", thresholds.stream().map(Threshold::describe).toList());
    }

    /** The same claim with its statement prefixed (e.g. by a data-set name). */
    public Claim prefixed(String prefix) {
        return new Claim(prefix + claim, measured, verdict, thresholds);
    }

    /** Outcome of checking a claim. */
    public enum Verdict {
        SUPPORTED,
        CONTRADICTED,
        INCONCLUSIVE
    }
}
