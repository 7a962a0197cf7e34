package org.collapselab.simulation;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.data.AcceptBandFilter;
import org.collapselab.data.FeatureLaw;
import org.collapselab.data.MixedSourceStatistics;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SimulationLimits;
import org.collapselab.data.SourceStatistics;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RidgeRegression;
import org.collapselab.model.TestError;
import org.collapselab.problem.AcceptBand;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.stats.Seeds;

/**
 * Monte Carlo of a verified synthetic pool and/or a trained synthetic teacher ({@link Verifier},
 * {@link SyntheticTeacher}). Run r (seeded from (seed, r) only) draws w1 ~ N(0, I/d); then Δ: the random shift, or a
 * fresh teacher fitted on NS fresh real rows (noise σ, penalty LAMS; its rows drawn like any source, as rows or as
 * exact statistics) minus w1. The pool holds nb = round(π·n2) bad rows (labels xᵀ(w1 + Δ) + σ2ε) and n2 − nb good ones
 * (labels xᵀw1 + σ2ε). {@link Sampler#DIRECT}: every pool row is drawn and kept by its own Bernoulli draw (ϕ good,
 * ψ bad). {@link Sampler#EXACT}: the kept counts Kg, Kb are drawn (as sums of those Bernoulli draws), then the
 * sufficient statistics of each kept group (one Wishart per group; real and good rows in one group and the bad ones
 * joined to it by {@link MixedSourceStatistics} when kept rows weigh like real ones). The model fits the n1 real rows
 * plus the kept rows (weight A) with the loss normalised by 1/(n1 + kept); no rows at all give ŵ = 0.
 */
final class PoolSimulation {
    private PoolSimulation() {}

    /** One run: the student's error, the teacher's own error ‖Δ‖²_Σ1, and the kept counts. */
    record Run(double student, double teacher, long kept, long keptBad) {}

    /** The fitted weights and the kept counts. */
    record Fit(double[] weights, long kept, long keptBad) {}

    /** Runs {@code runs} trials on up to {@code threads} threads. */
    static PoolSimulationResult simulate(Problem p, int runs, long seed, int threads, SimulationOptions options) {
        SimulationLimits.runs(runs);
        SimulationLimits.threads(threads);
        threads = SimulationLimits.concurrentRuns(p, threads);
        long start = System.nanoTime();
        java.util.List<Run> all =
                Simulator.inParallel(Seeds.Legacy.runs(seed, runs), threads, s -> runOnce(p, s, options));
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] student = new double[runs];
        double[] teacher = new double[runs];
        double kept = 0;
        double keptBad = 0;
        for (int r = 0; r < runs; r++) {
            Run run = all.get(r);
            student[r] = run.student();
            teacher[r] = run.teacher();
            kept += run.kept();
            keptBad += run.keptBad();
        }
        return new PoolSimulationResult(
                SimulationResult.of(student, seconds),
                p.teacher().isNone() ? null : SimulationResult.of(teacher, seconds),
                kept / runs,
                keptBad / runs,
                SamplerCost.choose(p, options));
    }

    /** One run seeded from {@code runSeed}. */
    static Run runOnce(Problem p, long runSeed, SimulationOptions options) {
        SplittableRandom rng = new SplittableRandom(runSeed);
        double[] w1 = Teacher.random(p.d(), rng);
        double[] delta;
        if (p.teacher().isNone()) {
            delta = SyntheticShift.random(p.spectrum(), p.c2(), rng);
        } else {
            delta = Simulator.fitWeights(teacherProblem(p), w1, new double[p.d()], rng, options);
            DenseOps.addScaled(delta, -1.0, w1);
        }
        double teacherError = SyntheticShift.sigmaNorm2(p.spectrum(), delta);
        if (p.verifier().isNone()) {
            double[] w = Simulator.fitWeights(p, w1, delta, rng, options);
            return new Run(
                    TestError.excessRisk(w, w1, p.spectrum()), teacherError, p.syntheticCount(), p.syntheticCount());
        }
        double[] reference = reference(p, w1, rng, options);
        Fit f = p.verifier().band() != null
                ? direct(p, w1, delta, reference, rng, options.features())
                : fit(p, w1, delta, rng, options);
        return new Run(TestError.excessRisk(f.weights(), w1, p.spectrum()), teacherError, f.kept(), f.keptBad());
    }

    /** The teacher as a clean problem of its own: NS real rows, its model and penalty, noise σ. */
    static Problem teacherProblem(Problem p) {
        return fitProblem(p, p.teacher());
    }

    /**
     * θ_c of an accept band: w1 itself (truth) or a fit on fresh real rows drawn now (null without a band). One per run,
     * fixed over a loop's generations.
     */
    static double[] reference(Problem p, double[] w1, SplittableRandom rng, SimulationOptions options) {
        AcceptBand band = p.verifier().band();
        if (band == null) {
            return null;
        }
        return band.model().isNone()
                ? w1
                : Simulator.fitWeights(fitProblem(p, band.model()), w1, new double[p.d()], rng, options);
    }

    /** A clean problem fitting a model of the {@link SyntheticTeacher} form on its own fresh real rows (noise σ). */
    private static Problem fitProblem(Problem p, SyntheticTeacher t) {
        ModelKind kind = t.kind() == SyntheticTeacher.Kind.RP ? ModelKind.RANDOM_PROJECTION : ModelKind.RIDGE;
        return new Problem(kind, p.spectrum(), null, t.rows(), t.width(), 0, 0, p.sigma(), t.lambda());
    }

    /** The verified fit with teacher w1 and shift Δ (keep probabilities; a band needs {@link #direct}). */
    static Fit fit(Problem p, double[] w1, double[] delta, SplittableRandom rng, SimulationOptions options) {
        if (p.verifier().band() != null) {
            throw new IllegalArgumentException("an accept band needs its reference model: use direct(...)");
        }
        return SamplerCost.choose(p, options) == Sampler.EXACT
                ? exact(p, w1, delta, rng)
                : direct(p, w1, delta, null, rng, options.features());
    }

    private static Fit exact(Problem p, double[] w1, double[] delta, RandomGenerator rng) {
        Verifier v = p.verifier();
        long pool = p.syntheticCount();
        long kg = bernoulliCount(v.goodRows(pool), v.keepGood(), rng);
        long kb = bernoulliCount(v.badRows(pool), v.keepBad(), rng);
        long n1 = p.realCount();
        long rows = n1 + kg + kb;
        int d = p.d();
        if (rows == 0) {
            return new Fit(new double[d], 0, 0);
        }
        double[] w2 = SyntheticShift.syntheticTeacher(w1, delta);
        Matrix g;
        double[] b;
        boolean likeReal = p.syntheticSpectrum() == null && p.syntheticSigma() == p.sigma() && p.syntheticWeight() == 1;
        if (likeReal && MixedSourceStatistics.applies(d, n1 + kg, kb)) {
            MixedSourceStatistics.Drawn both =
                    MixedSourceStatistics.draw(p.spectrum(), n1 + kg, kb, w1, delta, p.sigma(), rng);
            g = both.gram();
            b = both.xty();
        } else {
            g = Matrix.zeros(d, d);
            b = new double[d];
            if (likeReal) {
                add(g, b, p.spectrum(), n1 + kg, w1, p.sigma(), 1, rng);
            } else {
                add(g, b, p.spectrum(), n1, w1, p.sigma(), 1, rng);
                add(g, b, p.effectiveSyntheticSpectrum(), kg, w1, p.syntheticSigma(), p.syntheticWeight(), rng);
            }
            add(g, b, p.effectiveSyntheticSpectrum(), kb, w2, p.syntheticSigma(), p.syntheticWeight(), rng);
        }
        double[] w = ExactSampling.fitMixed(p, g, b, new RidgeRegression(p.lambda()), rng, rows);
        return new Fit(w, kg + kb, kb);
    }

    /** G += a·Gk, b += a·(Gk·w + σXkᵀε) for a source of k ≥ 0 rows with covariance diag(spectrum). */
    private static void add(
            Matrix g,
            double[] b,
            org.collapselab.spectrum.Spectrum spectrum,
            long rows,
            double[] w,
            double sigma,
            double a,
            RandomGenerator rng) {
        if (rows == 0) {
            return;
        }
        SourceStatistics source = SourceStatistics.draw(spectrum, rows, rng);
        double[] cross = source.crossTerm(w, sigma, rng);
        DenseOps.addScaled(g.data(), a, source.gram().data());
        DenseOps.addScaled(b, a, cross);
    }

    /** The direct route: draw the pool, verify it row by row, fit the real plus kept rows (weight A). */
    static Fit direct(
            Problem p, double[] w1, double[] delta, double[] reference, SplittableRandom rng, FeatureLaw features) {
        Kept k = keptRows(p, w1, delta, reference, features, rng);
        if (k.rows() == null) {
            return new Fit(new double[p.d()], 0, 0);
        }
        return new Fit(Simulator.fitMixture(p, k.rows().weighted(p.syntheticWeight()), rng), k.kept(), k.keptBad());
    }

    /** The real rows followed by the kept pool rows (null when there are none), and the kept counts. */
    record Kept(TrainingSet rows, long kept, long keptBad) {}

    /**
     * Draws the n1 real rows and the pool (bad rows labelled by w1 + Δ, good ones by w1; Σ2, σ2) and keeps pool rows by
     * the verifier: a Bernoulli draw per row (ϕ good, ψ bad), or the accept band around {@code reference}. Drawn in
     * the order real + bad rows, good rows, decisions; with every row kept and no good rows this is exactly
     * {@link MixtureSampler#sample} of the problem.
     */
    static Kept keptRows(
            Problem p, double[] w1, double[] delta, double[] reference, FeatureLaw features, SplittableRandom rng) {
        Verifier v = p.verifier();
        long pool = p.syntheticCount();
        long n1 = p.realCount();
        long nb = v.badRows(pool);
        long ng = v.goodRows(pool);
        int d = p.d();
        TrainingSet realAndBad =
                n1 + nb == 0 ? null : MixtureSampler.sample(group(p, n1 + nb, nb), w1, delta, features, rng);
        TrainingSet goodRows =
                ng == 0 ? null : MixtureSampler.sample(group(p, ng, ng), w1, new double[d], features, rng);
        boolean[] keepBad =
                v.band() != null ? band(v.band(), realAndBad, (int) n1, reference) : keep(nb, v.keepBad(), rng);
        boolean[] keepGood = v.band() != null ? band(v.band(), goodRows, 0, reference) : keep(ng, v.keepGood(), rng);
        long kb = count(keepBad);
        long kg = count(keepGood);
        int rows = (int) (n1 + kg + kb);
        if (rows == 0) {
            return new Kept(null, 0, 0);
        }
        Matrix x = Matrix.zeros(rows, d);
        double[] y = new double[rows];
        int next = 0;
        int[] pick = new int[rows];
        for (int i = 0; i < n1 + nb; i++) {
            if (i < n1 || keepBad[(int) (i - n1)]) {
                pick[next++] = i;
            }
        }
        copyRows(realAndBad, pick, 0, next, x, y, 0);
        int fromBad = next;
        next = 0;
        for (int i = 0; i < ng; i++) {
            if (keepGood[i]) {
                pick[next++] = i;
            }
        }
        copyRows(goodRows, pick, 0, next, x, y, fromBad);
        return new Kept(new TrainingSet(x, y, (int) n1, rows - (int) n1), kg + kb, kb);
    }

    /** Band decisions for the rows of {@code set} from index {@code from} on: |y − xᵀθ_c| ≤ r‖x‖ + σ_c. */
    private static boolean[] band(AcceptBand band, TrainingSet set, int from, double[] reference) {
        return set == null ? new boolean[0] : AcceptBandFilter.keeps(band, set.x(), set.y(), from, reference);
    }

    /** A problem drawing {@code rows} rows of which the last {@code synthetic} are synthetic (Σ2, σ2). */
    private static Problem group(Problem p, long rows, long synthetic) {
        return new Problem(
                p.model(),
                p.spectrum(),
                p.syntheticSpectrum(),
                rows,
                p.m(),
                (double) synthetic / rows,
                0,
                p.sigma(),
                p.lambda(),
                p.syntheticSigma(),
                1.0,
                Estimator.MIX,
                null);
    }

    private static void copyRows(TrainingSet from, int[] pick, int start, int count, Matrix x, double[] y, int offset) {
        if (count == 0) {
            return;
        }
        int n = from.y().length;
        int rows = y.length;
        double[] src = from.x().data();
        double[] dst = x.data();
        for (int j = 0; j < x.cols(); j++) {
            for (int k = 0; k < count; k++) {
                dst[j * rows + offset + k] = src[j * n + pick[start + k]];
            }
        }
        for (int k = 0; k < count; k++) {
            y[offset + k] = from.y()[pick[start + k]];
        }
    }

    private static boolean[] keep(long rows, double prob, RandomGenerator rng) {
        boolean[] out = new boolean[(int) rows];
        for (int i = 0; i < out.length; i++) {
            out[i] = prob == 1 || prob > 0 && rng.nextDouble() < prob;
        }
        return out;
    }

    private static long count(boolean[] keep) {
        long c = 0;
        for (boolean k : keep) {
            c += k ? 1 : 0;
        }
        return c;
    }

    /** Binomial(trials, prob) as a sum of Bernoulli draws (no draws when prob is 0 or 1). */
    static long bernoulliCount(long trials, double prob, RandomGenerator rng) {
        if (prob == 0 || prob == 1) {
            return prob == 0 ? 0 : trials;
        }
        long c = 0;
        for (long i = 0; i < trials; i++) {
            c += rng.nextDouble() < prob ? 1 : 0;
        }
        return c;
    }
}
