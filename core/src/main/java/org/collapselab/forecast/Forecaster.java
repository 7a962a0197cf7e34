package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.collapselab.validation.ParameterException;

/**
 * Fits the collapse law to pilot runs ({@link LawSelection}), bootstraps it ({@link LawBootstrap}) and assembles the
 * forecasts with intervals, beside the per-share power law ({@link PowerLawBaseline}). Pure and deterministic for a
 * given seed (any thread count).
 */
public final class Forecaster {
    /** Points per forecast curve. */
    static final int CURVE_POINTS = 40;

    private Forecaster() {}

    /**
     * What to forecast and how sure to be.
     *
     * @param n target training rows (0: 10× the largest pilot)
     * @param p2 target share (NaN: the largest piloted share)
     * @param weight target weight A
     * @param level interval level in (0, 1)
     * @param replicates bootstrap replicates (≥ 20)
     * @param seed bootstrap seed
     * @param threads worker threads for the bootstrap
     * @param floor a known additive floor of the error (NaN: the pilots decide whether to fit one)
     */
    public record Request(
            long n, double p2, double weight, double level, int replicates, long seed, int threads, double floor) {
        public Request {
            if (n < 0) {
                throw new ParameterException("at-n", n, "an integer >= 1");
            }
            if (!Double.isNaN(p2) && !(p2 >= 0 && p2 < 1)) {
                throw new ParameterException("at-p2", p2, "in [0, 1)");
            }
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new ParameterException("at-weight", weight, "a finite number >= 0");
            }
            if (!(level > 0 && level < 1)) {
                throw new ParameterException("level", level, "in (0, 1)");
            }
            if (replicates < 20 || replicates > 100_000) {
                throw new ParameterException("bootstrap", replicates, "an integer in [20, 100000]");
            }
            if (!Double.isNaN(floor) && !(floor >= 0 && Double.isFinite(floor))) {
                throw new ParameterException("floor", floor, "a finite number >= 0");
            }
        }
    }

    /**
     * The chosen law, its bootstrap replicates (failed ones left out) and the per-share power laws with theirs.
     *
     * @param selection every candidate's fit and the choice
     * @param law the chosen law
     * @param replicates the bootstrap replicates' laws
     * @param failed replicates the law could not refit
     * @param baseline per-share power laws
     * @param baselineReplicates their bootstrap replicates
     */
    public record Fitted(
            LawSelection.Selection selection,
            FittedLaw law,
            List<FittedLaw> replicates,
            int failed,
            List<PowerLawBaseline.Share> baseline,
            List<List<PowerLawBaseline.Share>> baselineReplicates) {
        /** The law's error at a mix with its percentile interval. */
        public Estimate error(double n, double p2, double weight, double level) {
            return est(law, replicates, l -> l.error(n, p2, weight), level);
        }

        /** The power law's error at n for a piloted share (null if that share was not piloted at 3 sizes or more). */
        public Estimate baselineError(double n, double p2, double weight, double level) {
            int i = baselineIndex(baseline, p2, weight);
            return i < 0 ? null : baseEst(baseline, baselineReplicates, i, n, level);
        }
    }

    /** Fits, chooses and bootstraps (replicates seeded by {@code seed}); a known floor (not NaN) is held fixed. */
    public static Fitted fit(PilotSet pilots, double floor, int replicates, long seed, int threads) {
        LawSelection.Selection sel = LawSelection.select(pilots, floor);
        List<LawParameters> raw = LawBootstrap.replicates(sel, replicates, seed, threads);
        List<FittedLaw> reps =
                raw.stream().filter(p -> p != null).map(FittedLaw::new).toList();
        PilotSet used = sel.best().pilots();
        List<PowerLawBaseline.Share> base = PowerLawBaseline.fit(used);
        return new Fitted(
                sel,
                new FittedLaw(sel.best().parameters()),
                reps,
                raw.size() - reps.size(),
                base,
                PowerLawBaseline.replicates(used, base, replicates, seed + 1));
    }

    /** The whole forecast. */
    public static ForecastResult forecast(PilotSet pilots, Request req) {
        Fitted fitted = fit(pilots, req.floor(), req.replicates(), req.seed(), req.threads());
        LawSelection.Selection sel = fitted.selection();
        LawFit fit = sel.best();
        FittedLaw law = fitted.law();
        List<FittedLaw> reps = fitted.replicates();
        double level = req.level();
        List<PowerLawBaseline.Share> base = fitted.baseline();
        List<List<PowerLawBaseline.Share>> baseReps = fitted.baselineReplicates();

        long nT = req.n() > 0 ? req.n() : 10 * pilots.largestSize();
        List<Double> shares = pilots.shares();
        double p2T = Double.isNaN(req.p2()) ? shares.get(shares.size() - 1) : req.p2();
        double aT = req.weight();
        Estimate point = est(law, reps, l -> l.error(nT, p2T, aT), level);
        int bi = baselineIndex(base, p2T, aT);
        Estimate basePoint = bi < 0 ? null : baseEst(base, baseReps, bi, nT, level);
        ForecastResult.Point forecast = new ForecastResult.Point(nT, p2T, aT, point, basePoint, req.n() > 0);

        List<ForecastResult.Curve> curves = curves(pilots, fit, law, reps, base, baseReps, nT, level);
        ForecastResult.Mix mix = mix(law, reps, nT, level);
        Estimate stop = est(law, reps, FittedLaw::stopHelping, level);

        List<ForecastResult.Candidate> cands = new ArrayList<>();
        for (int i = 0; i < sel.fits().size(); i++) {
            LawFit f = sel.fits().get(i);
            cands.add(new ForecastResult.Candidate(
                    f.model().name(), f.chi2(), f.dof(), f.model().parameterCount(), i == sel.chosen()));
        }
        List<ForecastResult.FittedGroup> groups = new ArrayList<>();
        for (int i = 0; i < fit.pilots().groups().size(); i++) {
            PilotGroup g = fit.pilots().groups().get(i);
            groups.add(new ForecastResult.FittedGroup(
                    g.n(), g.p2(), g.weight(), g.runs(), g.mean(), g.stderr(), fit.fitted()[i]));
        }
        return new ForecastResult(
                fit.model().name(),
                cands,
                parameters(fit.parameters(), reps, level),
                fit.chi2(),
                fit.dof(),
                fit.inflation(),
                fit.pilots().noise(),
                fit.pilots().relativeScatter(),
                groups,
                level,
                reps.size() + fitted.failed(),
                fitted.failed(),
                forecast,
                curves,
                mix,
                stop,
                base,
                pilots.droppedRuns());
    }

    private static List<ForecastResult.Parameter> parameters(LawParameters p, List<FittedLaw> reps, double level) {
        String[] names = {"floor", "scale", "noise", "gap", "dimension", "exponent", "lambda", "shiftExponent"};
        List<ForecastResult.Parameter> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int k = i;
            double[] v =
                    reps.stream().mapToDouble(r -> value(r.parameters(), k)).toArray();
            out.add(new ForecastResult.Parameter(names[i], Estimate.of(value(p, k), v, level)));
        }
        return out;
    }

    private static double value(LawParameters p, int i) {
        return switch (i) {
            case 0 -> p.floor();
            case 1 -> p.scale();
            case 2 -> p.noise();
            case 3 -> p.gap();
            case 4 -> p.shape().dimension();
            case 5 -> p.shape().exponent();
            case 6 -> p.shape().lambda();
            default -> p.shape().shiftExponent();
        };
    }

    private static List<ForecastResult.Curve> curves(
            PilotSet pilots,
            LawFit fit,
            FittedLaw law,
            List<FittedLaw> reps,
            List<PowerLawBaseline.Share> base,
            List<List<PowerLawBaseline.Share>> baseReps,
            long nT,
            double level) {
        double lo = Math.max(1, pilots.smallestSize() / 2.0);
        double hi = Math.max(10.0 * pilots.largestSize(), nT) * 1.5;
        double[] ns = new double[CURVE_POINTS];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = Math.round(lo * Math.pow(hi / lo, (double) i / (ns.length - 1)));
        }
        List<double[]> mixes = new ArrayList<>();
        mixes.add(new double[] {0, 1});
        for (PilotGroup g : fit.pilots().groups()) {
            if (g.p2() > 0 && mixes.stream().noneMatch(m -> m[0] == g.p2() && m[1] == g.weight())) {
                mixes.add(new double[] {g.p2(), g.weight()});
            }
        }
        List<ForecastResult.Curve> out = new ArrayList<>();
        for (double[] m : mixes) {
            Estimate[] lawE = new Estimate[ns.length];
            int bi = baselineIndex(base, m[0], m[1]);
            Estimate[] baseE = bi < 0 ? null : new Estimate[ns.length];
            for (int i = 0; i < ns.length; i++) {
                double n = ns[i];
                lawE[i] = est(law, reps, l -> l.error(n, m[0], m[1]), level);
                if (baseE != null) {
                    baseE[i] = baseEst(base, baseReps, bi, n, level);
                }
            }
            out.add(new ForecastResult.Curve(m[0], m[1], ns, lawE, baseE));
        }
        return out;
    }

    private static ForecastResult.Mix mix(FittedLaw law, List<FittedLaw> reps, long n1, double level) {
        double[] share = law.bestShare(n1, 1);
        double[] weighted = law.bestMix(n1);
        Estimate shareE = est(law, reps, l -> l.bestShare(n1, 1)[0], level);
        Estimate shareErr = est(law, reps, l -> l.mixError(n1, share[0], 1), level);
        Estimate wErr = est(law, reps, l -> l.mixError(n1, weighted[0], weighted[1]), level);
        Estimate real = est(law, reps, l -> l.error(n1, 0, 1), level);
        return new ForecastResult.Mix(n1, shareE, shareErr, weighted[0], weighted[1], wErr, real);
    }

    private static int baselineIndex(List<PowerLawBaseline.Share> base, double p2, double weight) {
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).p2() == p2 && (p2 == 0 || base.get(i).weight() == weight)) {
                return i;
            }
        }
        return -1;
    }

    private static Estimate baseEst(
            List<PowerLawBaseline.Share> base, List<List<PowerLawBaseline.Share>> reps, int i, double n, double level) {
        double[] v = reps.stream().mapToDouble(r -> r.get(i).predict(n)).toArray();
        return Estimate.of(base.get(i).predict(n), v, level);
    }

    private static Estimate est(FittedLaw law, List<FittedLaw> reps, ToDoubleFunction<FittedLaw> f, double level) {
        double[] v = reps.stream().mapToDouble(f).toArray();
        return Estimate.of(f.applyAsDouble(law), v, level);
    }
}
