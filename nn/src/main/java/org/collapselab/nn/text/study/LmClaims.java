package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.experiments.stats.EffectVerdicts;

/**
 * The language-model study's verdicts, per generator: each claim states the hypothesis it tests, and each part
 * (a budget, a share) is a one-sided test against a named minimal effect ({@link EffectVerdicts#exceeds}) on a
 * difference paired by seed and clustered by generator replicate, with Holm's correction over the parts of the
 * claim. A claim is SUPPORTED when every part is, CONTRADICTED when every part is, INCONCLUSIVE otherwise; a claim
 * whose premise is absent (nothing to fade, no crossing) is INCONCLUSIVE and says why. The measured text lists every
 * part's interval and reading, and the seeds and generator replicates behind it.
 */
final class LmClaims {
    /**
     * The smallest real-test loss difference that matters: 0.01 nats/token is a 1% change of perplexity (e^0.01), about
     * half the seed-to-seed standard deviation of the 1M-token students of the earlier full run (0.02 nats/token).
     */
    static final Threshold MIN_EFFECT = new Threshold(
            "MIN_EFFECT", 0.01, "smallest real-test loss difference that matters, nats/token (1% perplexity)");
    /** A penalty falling by at least this per doubling of T fades; the claim "does not fade" tests slope > −this. */
    static final Threshold NO_FADING = new Threshold(
            "NO_FADING", -0.01, "slope of the penalty per doubling of T below which it fades, nats/token");
    /** Positions at the start of the context window compared with the last {@link #LATE}. */
    static final int EARLY = 8;
    /** Positions at the end of the context window. */
    static final int LATE = 32;

    private LmClaims() {}

    static List<Claim> claims(LmAnalysis a) {
        List<Claim> out = new ArrayList<>();
        LmExperimentConfig c = a.config;
        for (LmGeneratorConfig g : c.generators()) {
            List<Double> supported = new ArrayList<>();
            for (double p : c.p2s()) {
                if (p > 0) {
                    out.add(share(a, g.name(), p));
                    if (p < 1
                            && sharePenalties(a, g.name(), p, new ArrayList<>()).stream()
                                    .anyMatch(e -> EffectVerdicts.exceeds(e, MIN_EFFECT) == Verdict.SUPPORTED)) {
                        supported.add(p);
                    }
                }
            }
            out.add(fading(a, g.name(), supported));
            out.add(crossing(a, g.name()));
            if (!c.dilutionP2s().isEmpty()) {
                out.add(
                        versus(
                                a,
                                g.name(),
                                c.dilutionP2s(),
                                p -> new LmArm(LmArm.Source.DILUTED, "", p),
                                "is worse than leaving it out: the mixture's real-test loss exceeds that of its real part alone ((1 − p2)·T "
                                        + "real tokens with their own schedule) by more than MIN_EFFECT, at every share and budget"));
            }
            if (!c.shiftedP2s().isEmpty()) {
                out.add(
                        versus(
                                a,
                                g.name(),
                                c.shiftedP2s(),
                                p -> new LmArm(LmArm.Source.SHIFTED, "", p),
                                "costs more than real text from another domain (" + String.join(", ", c.shiftedFiles())
                                        + ") at the "
                                        + "same share: the difference of real-test losses exceeds MIN_EFFECT at every share and budget"));
            }
            out.add(position(a, g.name()));
        }
        return out;
    }

    /** A share of a generator's text raises the real-test loss by more than δ, judged at every budget. */
    static Claim share(LmAnalysis a, String g, double p) {
        List<String> labels = new ArrayList<>();
        List<Effect> parts = sharePenalties(a, g, p, labels);
        String claim = String.format(
                Locale.ROOT,
                "A share p2 = %s of the %s generator's text raises the real-test loss "
                        + "above real text alone at the same budget by more than MIN_EFFECT, at every budget T.",
                LmArm.fmt(p),
                g);
        return judged(claim, "L(p2) − L(0), nats/token", labels, parts, MIN_EFFECT);
    }

    /** The penalties of a share of a generator's text at every budget (labels appended to {@code labels}). */
    static List<Effect> sharePenalties(LmAnalysis a, String g, double p, List<String> labels) {
        LmArm arm = new LmArm(LmArm.Source.GENERATED, g, p);
        List<Effect> parts = new ArrayList<>();
        for (long t : a.config.budgets()) {
            Effect e = a.has(arm, t) ? a.penalty(arm, t) : null;
            if (e != null) {
                labels.add("T = " + tokens(t));
                parts.add(e);
            }
        }
        return parts;
    }

    /** The penalty does not fade with T at the shares where it exists. */
    static Claim fading(LmAnalysis a, String g, List<Double> shares) {
        String claim = "The penalty of the " + g + " generator's text does not fade as the budget grows: per seed, its "
                + "slope against log₂ T stays above NO_FADING, at every share whose penalty exceeds MIN_EFFECT at some budget.";
        List<String> labels = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        for (double p : shares) {
            Effect s = a.slope(new LmArm(LmArm.Source.GENERATED, g, p));
            if (s != null) {
                labels.add("p2 = " + LmArm.fmt(p));
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return new Claim(
                    claim,
                    "not testable: no share of its text raised the loss by more than MIN_EFFECT at any "
                            + "budget (or fewer than two budgets), so there is no penalty to fade",
                    Verdict.INCONCLUSIVE,
                    MIN_EFFECT,
                    NO_FADING);
        }
        return judged(claim, "slope of L(p2) − L(0) per doubling of T, nats/token", labels, parts, NO_FADING);
    }

    /** A weak generator's text starts to hurt once the students pass it. */
    static Claim crossing(LmAnalysis a, String g) {
        LmExperimentConfig c = a.config;
        LmAnalysis.Stat gen = a.generatorLoss(g);
        String claim = "Once the students pass the " + g + " generator, its text starts to hurt: from the last budget "
                + "where students on real text are still worse than the generator to the largest budget, where they are "
                + "better, the penalty rises by more than MIN_EFFECT (at every share).";
        List<String> where = new ArrayList<>();
        long before = -1;
        boolean after = false;
        for (long t : c.budgets()) {
            Effect d = a.cleanMinusGenerator(g, t);
            if (d == null) {
                continue;
            }
            var i = d.interval(0.95);
            where.add(String.format(Locale.ROOT, "T = %s: %s", tokens(t), d.format("%+.3f", 0.95)));
            if (i.low() > 0) {
                before = t;
            }
            after = i.high() < 0;
        }
        String generator = String.format(
                Locale.ROOT,
                "generator real-test loss %.3f ± %.3f nats/token (%d replicates); "
                        + "students on real text minus generator, 95%% CI: %s",
                gen.mean(),
                gen.std(),
                gen.n(),
                String.join("; ", where));
        if (before < 0 || !after) {
            return new Claim(
                    claim,
                    "not testable: the students "
                            + (before < 0
                                    ? "are never significantly worse than"
                                    : "do not end significantly better than")
                            + " the generator within these budgets; " + generator,
                    Verdict.INCONCLUSIVE,
                    MIN_EFFECT);
        }
        long last = c.largestBudget();
        List<String> labels = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        for (double p : c.p2s()) {
            Effect e = p > 0 && p < 1 ? a.penaltyChange(new LmArm(LmArm.Source.GENERATED, g, p), before, last) : null;
            if (e != null) {
                labels.add("p2 = " + LmArm.fmt(p));
                parts.add(e);
            }
        }
        Claim j = judged(
                claim,
                "penalty at T = " + tokens(last) + " minus at T = " + tokens(before) + ", nats/token",
                labels,
                parts,
                MIN_EFFECT);
        return new Claim(claim, j.measured() + "; " + generator, j.verdict(), j.thresholds());
    }

    /** The generator's text against a control arm at the same share and budget, at every share and budget. */
    static Claim versus(LmAnalysis a, String g, List<Double> shares, Function<Double, LmArm> control, String what) {
        List<String> labels = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        for (double p : shares) {
            LmArm arm = new LmArm(LmArm.Source.GENERATED, g, p);
            for (long t : a.config.budgets()) {
                if (a.has(arm, t) && a.has(control.apply(p), t)) {
                    Effect e = a.penalty(arm, control.apply(p), t);
                    if (e != null) {
                        labels.add("p2 = " + LmArm.fmt(p) + ", T = " + tokens(t));
                        parts.add(e);
                    }
                }
            }
        }
        return judged(
                "The " + g + " generator's text " + what + ".",
                "L(" + g + ") − L(control), nats/token",
                labels,
                parts,
                MIN_EFFECT);
    }

    /** The penalty is concentrated where the model has the least context to tell the source. */
    static Claim position(LmAnalysis a, String g) {
        double p = a.config.p2s().stream()
                .filter(x -> x > 0 && x < 1)
                .reduce((x, y) -> y)
                .orElse(Double.NaN);
        String claim = String.format(
                Locale.ROOT,
                "The students tell the source from context: the penalty of a share "
                        + "p2 = %s of the %s generator's text is larger over the first %d positions of the context window than over "
                        + "the last %d, by more than MIN_EFFECT, at every budget.",
                LmArm.fmt(p),
                g,
                EARLY,
                LATE);
        List<String> labels = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        if (!Double.isNaN(p)) {
            LmArm arm = new LmArm(LmArm.Source.GENERATED, g, p);
            for (long t : a.config.budgets()) {
                Effect e = a.has(arm, t) ? a.positionGap(arm, t, EARLY, LATE) : null;
                if (e != null) {
                    labels.add("T = " + tokens(t));
                    parts.add(e);
                }
            }
        }
        return judged(claim, "early minus late penalty, nats/token", labels, parts, MIN_EFFECT);
    }

    /** A claim judged part by part against {@code delta} (Holm within the claim), all parts for a decision. */
    static Claim judged(String claim, String quantity, List<String> labels, List<Effect> parts, Threshold delta) {
        if (parts.isEmpty()) {
            return new Claim(claim, "no complete part: the runs it needs are missing", Verdict.INCONCLUSIVE, delta);
        }
        List<Verdict> vs = EffectVerdicts.exceedsEach(parts, delta);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Effect e = parts.get(i);
            String tost = delta.value() > 0 && EffectVerdicts.negligible(e, delta) == Verdict.SUPPORTED
                    ? "; no effect beyond ±" + delta.name() + " (TOST, 90% CI " + interval90(e) + ")"
                    : "";
            text.add(String.format(
                    Locale.ROOT,
                    "%s: %s (%s%s)",
                    labels.get(i),
                    e.format("%+.4f", 0.95),
                    EffectVerdicts.reading(vs.get(i), delta),
                    tost));
        }
        Effect first = parts.get(0);
        String seeds = first.units() < first.n()
                ? String.format(Locale.ROOT, "%d seeds on %d generator replicates", first.n(), first.units())
                : first.n() + " seeds, each with its own generator replicate";
        return new Claim(
                claim,
                String.format(
                        Locale.ROOT,
                        "%s, paired by seed (%s), 95%% CI, Holm over %d part%s: %s",
                        quantity,
                        seeds,
                        parts.size(),
                        parts.size() == 1 ? "" : "s",
                        String.join("; ", text)),
                Verdicts.all(vs),
                delta,
                EffectVerdicts.ALPHA);
    }

    private static String interval90(Effect e) {
        var i = e.interval(0.90);
        return String.format(Locale.ROOT, "[%+.4f, %+.4f]", i.low(), i.high());
    }

    /** A budget as 125k or 1M. */
    static String tokens(long t) {
        return t >= 1_000_000 && t % 100_000 == 0
                ? LmArm.fmt(t / 1e6) + "M"
                : t % 1000 == 0 ? (t / 1000) + "k" : Long.toString(t);
    }
}
