package org.collapselab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Threshold;

/**
 * Verdicts on effects against a named minimal effect δ: every rule is a test, so that no claim is supported by a
 * non-significant difference.
 *
 * <ul>
 *   <li>{@link #exceeds}: the claim "the effect is larger than δ". SUPPORTED when the one-sided test of effect &gt; δ
 *   rejects at {@link #ALPHA}/2 (the 95% interval lies above δ), CONTRADICTED when the test of effect &lt; δ does
 *   (the 95% interval lies below δ), INCONCLUSIVE otherwise.</li>
 *   <li>{@link #negligible}: the claim "no effect larger than δ either way", the two one-sided tests (TOST) at
 *   {@link #TOST_ALPHA} (the 90% interval lies inside (−δ, δ)); CONTRADICTED when the 95% interval lies wholly
 *   beyond δ or −δ.</li>
 *   <li>{@link #exceedsEach}: one claim made of parts (per share, per budget), each part judged by
 *   {@link #exceeds} with p-values corrected by Holm's method within the claim.</li>
 * </ul>
 */
public final class EffectVerdicts {
    /** Two-sided level of the intervals printed with the verdicts (each one-sided test at ALPHA/2). */
    public static final Threshold ALPHA =
            new Threshold("ALPHA", 0.05, "error rate of a two-sided 95% interval; one-sided tests at ALPHA/2");
    /** Level of each one-sided test of an equivalence (TOST): the 90% interval. */
    public static final Threshold TOST_ALPHA =
            new Threshold("TOST_ALPHA", 0.05, "each of the two one-sided equivalence tests (90% interval inside ±δ)");

    private EffectVerdicts() {}

    /** The claim "effect &gt; delta". */
    public static Verdict exceeds(Effect e, Threshold delta) {
        return exceeds(e.pAbove(delta.value()), e.pBelow(delta.value()));
    }

    /** The claim "|effect| &lt; delta" (equivalence, TOST). */
    public static Verdict negligible(Effect e, Threshold delta) {
        double d = delta.value();
        if (e.pEquivalent(d) < TOST_ALPHA.value()) {
            return Verdict.SUPPORTED;
        }
        double a = ALPHA.value() / 2;
        return e.pAbove(d) < a || e.pBelow(-d) < a ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    /** Each part of a claim judged by {@link #exceeds}, with Holm-corrected p-values over the parts. */
    public static List<Verdict> exceedsEach(List<Effect> parts, Threshold delta) {
        double[] up = new double[parts.size()];
        double[] down = new double[parts.size()];
        for (int i = 0; i < up.length; i++) {
            up[i] = parts.get(i).pAbove(delta.value());
            down[i] = parts.get(i).pBelow(delta.value());
        }
        double[] u = Holm.adjust(up);
        double[] d = Holm.adjust(down);
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < u.length; i++) {
            out.add(exceeds(u[i], d[i]));
        }
        return out;
    }

    /** What a verdict of {@link #exceeds} says, in words, e.g. "larger than δ = 0.01". */
    public static String reading(Verdict v, Threshold delta) {
        String d = String.format(Locale.ROOT, "%s = %s", delta.name(), fmt(delta.value()));
        return switch (v) {
            case SUPPORTED -> "larger than " + d;
            case CONTRADICTED -> "smaller than " + d;
            case INCONCLUSIVE -> "not resolved against " + d;
        };
    }

    /** What a verdict of {@link #negligible} says, in words. */
    public static String equivalenceReading(Verdict v, Threshold delta) {
        String d = String.format(Locale.ROOT, "±%s", fmt(delta.value()));
        return switch (v) {
            case SUPPORTED -> "within " + d + " (TOST)";
            case CONTRADICTED -> "beyond " + d;
            case INCONCLUSIVE -> "not resolved against " + d;
        };
    }

    private static Verdict exceeds(double pUp, double pDown) {
        double a = ALPHA.value() / 2;
        return pUp < a ? Verdict.SUPPORTED : pDown < a ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v))
                .stripTrailingZeros()
                .toPlainString();
    }
}
