package org.collapselab.experiments.report;

import java.util.List;
import org.collapselab.experiments.report.Claim.Verdict;

/**
 * The one claim helper: turns intervals and counts into verdicts against named {@link Threshold}s. Every family's
 * claims use it, so the rules are the same everywhere: a claim is SUPPORTED when the whole interval lies on the
 * claimed side of the threshold, CONTRADICTED when the whole interval lies on the other side, INCONCLUSIVE when the
 * interval straddles it (or there is nothing to judge).
 */
public final class Verdicts {
    private Verdicts() {}

    /** The claim "x &gt; t". */
    public static Verdict above(Interval x, Threshold t) {
        return x.low() > t.value()
                ? Verdict.SUPPORTED
                : x.high() <= t.value() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** The claim "x &lt; t". */
    public static Verdict below(Interval x, Threshold t) {
        return x.high() < t.value()
                ? Verdict.SUPPORTED
                : x.low() >= t.value() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** The claim "x &gt; y" on two intervals: SUPPORTED when they are apart with x above, CONTRADICTED when below. */
    public static Verdict above(Interval x, Interval y) {
        return x.low() > y.high()
                ? Verdict.SUPPORTED
                : x.high() < y.low() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** The claim "x &lt; y" on two intervals. */
    public static Verdict below(Interval x, Interval y) {
        return above(y, x);
    }

    /**
     * The check "the interval covers {@code value}" (a theory value inside a simulation's interval): SUPPORTED when it
     * does, INCONCLUSIVE otherwise, since a value outside a 95% interval happens in one comparison of twenty and does
     * not alone contradict a claim. It confirms a claim's other parts in {@link #every}.
     */
    public static Verdict covers(Interval x, double value) {
        return x.low() <= value && value <= x.high() ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
    }

    /** The claim "|x − target| ≤ tolerance". */
    public static Verdict near(Interval x, double target, Threshold tolerance) {
        double lo = target - tolerance.value();
        double hi = target + tolerance.value();
        if (x.low() >= lo && x.high() <= hi) {
            return Verdict.SUPPORTED;
        }
        return x.high() < lo || x.low() > hi ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** The claim "x lies in [low, high]" (e.g. a peak position relative to a threshold). */
    public static Verdict between(Interval x, Threshold low, Threshold high) {
        if (x.low() >= low.value() && x.high() <= high.value()) {
            return Verdict.SUPPORTED;
        }
        return x.high() < low.value() || x.low() > high.value() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /**
     * The claim "x reaches {@code supported}", refuted once x is at or below {@code contradicted} (e.g. a rank
     * correlation that must reach a level and is refuted at or below zero): SUPPORTED when x.low ≥ supported,
     * CONTRADICTED when x.high ≤ contradicted, INCONCLUSIVE in between.
     */
    public static Verdict reaches(Interval x, Threshold supported, Threshold contradicted) {
        return x.low() >= supported.value()
                ? Verdict.SUPPORTED
                : x.high() <= contradicted.value() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /**
     * A claim checked on many comparisons: SUPPORTED when at least {@code supported} of them hold, CONTRADICTED when
     * fewer than {@code contradicted} do, INCONCLUSIVE in between or when there is none.
     */
    public static Verdict share(int holding, int total, Threshold supported, Threshold contradicted) {
        if (total == 0) {
            return Verdict.INCONCLUSIVE;
        }
        double f = (double) holding / total;
        return f >= supported.value()
                ? Verdict.SUPPORTED
                : f < contradicted.value() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /**
     * A claim made of parts that must all hold: SUPPORTED when every part is, CONTRADICTED when every part is
     * contradicted, INCONCLUSIVE otherwise (and when there is no part).
     */
    public static Verdict all(List<Verdict> parts) {
        if (parts.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        if (parts.stream().allMatch(v -> v == Verdict.SUPPORTED)) {
            return Verdict.SUPPORTED;
        }
        return parts.stream().allMatch(v -> v == Verdict.CONTRADICTED) ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /**
     * A claim that fails as soon as one part fails: CONTRADICTED when any part is, SUPPORTED when all are,
     * INCONCLUSIVE otherwise (and when there is no part).
     */
    public static Verdict every(List<Verdict> parts) {
        if (parts.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        if (parts.contains(Verdict.CONTRADICTED)) {
            return Verdict.CONTRADICTED;
        }
        return parts.stream().allMatch(v -> v == Verdict.SUPPORTED) ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
    }

    /**
     * A claim judged on several independent settings: SUPPORTED when some setting supports it and none contradicts it,
     * CONTRADICTED when some contradicts it and none supports it, INCONCLUSIVE otherwise (and when there is none).
     */
    public static Verdict consensus(List<Verdict> parts) {
        boolean anySupported = parts.contains(Verdict.SUPPORTED);
        boolean anyContradicted = parts.contains(Verdict.CONTRADICTED);
        return anySupported && !anyContradicted
                ? Verdict.SUPPORTED
                : anyContradicted && !anySupported ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** The opposite claim's verdict: SUPPORTED and CONTRADICTED swap (a law "breaks" the theory when "follows" fails). */
    public static Verdict not(Verdict v) {
        return v == Verdict.SUPPORTED ? Verdict.CONTRADICTED : v == Verdict.CONTRADICTED ? Verdict.SUPPORTED : v;
    }

    /**
     * A check that can confirm a claim but not refute it: SUPPORTED when it holds, INCONCLUSIVE otherwise (a part of
     * {@link #every} that withholds support, e.g. "the penalty is not fading").
     */
    public static Verdict confirms(boolean ok) {
        return ok ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
    }

    /** A yes/no check as a verdict (SUPPORTED or CONTRADICTED). */
    public static Verdict holds(boolean ok) {
        return ok ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
    }
}
