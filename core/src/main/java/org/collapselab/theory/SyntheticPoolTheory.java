package org.collapselab.theory;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;

/**
 * Theory of a synthetic pool that passes a {@link Verifier} and/or is labelled by a trained {@link SyntheticTeacher}.
 *
 * <p><b>Verifier</b> (Feng, Dohmatob, Yang, Charton, Kempe, ICLR 2025). Of the n2 pool rows, nb = round(π·n2) are bad
 * and ng = n2 − nb good; the kept counts Kg ~ Bin(ng, ϕ) and Kb ~ Bin(nb, ψ) are independent, and given them the
 * kept rows are a fresh two-teacher mixture: n1 real rows plus Kg rows labelled by w1 and Kb by w2, i.e. n′ = n1 + Kg
 * + Kb rows with bad share p2,eff = Kb/n′ when the kept rows are weighted like real ones (Σ2 = Σ1, σ2 = σ1, A = 1): the
 * single-step theory at (n′, p2,eff). Otherwise the synthetic group of Kg + Kb rows carries a clean target qΔ (q =
 * Kb/(Kg + Kb)) plus label noise of variance q(1 − q)·ΔᵀΣ2Δ ({@link MomentRidgeTheory} for ridge; for random
 * projections the two-source theories with c² → q²c² and σ2² → σ2² + q(1 − q)(c²/d)tr Σ2Σ1⁻¹). The prediction is the
 * average over the law of (Kg, Kb) ({@link BinomialQuadrature}): at small pools the fluctuation of the kept count
 * moves the error by percents near the interpolation threshold (measured: docs/verification.md), so it is never
 * replaced by the plug-in n′ = n1 + ngϕ + nbψ. Its plateau as n → ∞ is (p2,eff)²c² with p2,eff → nbψ/(n1 + ngϕ + nbψ),
 * zero only for ψ = 0.
 *
 * <p><b>Trained teacher.</b> Δ = ŵ_s − w1 has the moments of {@link TeacherTheory} (a shrinkage bias aligned with w1 and
 * a fluctuation), fed to {@link MomentRidgeTheory} (a fixed-Δ prediction averaged over those moments, with the
 * teacher–shift cross term). Ridge students only; a random-projection student with a trained teacher is simulation only.
 */
public final class SyntheticPoolTheory {
    private SyntheticPoolTheory() {}

    /**
     * The student's prediction with the quantities a user asks about.
     *
     * @param student the student's predicted test error (averaged over the kept counts)
     * @param teacher the trained teacher's own predicted error, or null for the random shift
     * @param keptRows expected kept synthetic rows E(Kg + Kb)
     * @param keptBadRows expected kept bad rows E Kb
     * @param points theory points evaluated (nodes of the count quadrature)
     * @param plugIn the student's prediction at the rounded expected counts round(E Kg), round(E Kb) alone, to show how
     *     much the binomial fluctuation of the kept count moves it
     */
    public record Prediction(
            TheoryResult student,
            TheoryResult teacher,
            double keptRows,
            double keptBadRows,
            int points,
            TheoryResult plugIn) {
        /** The effective bad share of the kept training set at the expected counts, E Kb/(n1 + E K). */
        public double effectiveBadShare(long realRows) {
            double n = realRows + keptRows;
            return n == 0 ? 0 : keptBadRows / n;
        }
    }

    /** The student's predicted error (what {@link Theory#predict} returns for such a problem). */
    public static TheoryResult predict(Problem p) {
        return predictAll(p).student();
    }

    /** The full prediction: student, teacher, expected kept rows. */
    public static Prediction predictAll(Problem p) {
        Verifier v = p.verifier();
        SyntheticTeacher t = p.teacher();
        if (v.band() != null) {
            throw new TheoryException(GenerationsTheory.SIMULATION_ONLY + ": the accept band |y - x'theta_c| <= r|x| + "
                    + "sigma_c keeps rows by their labels, which this theory does not model; use simulate");
        }
        TeacherTheory.Prediction teacher = t.isNone() ? null : TeacherTheory.predict(t, p.spectrum(), p.sigma());
        ShiftMoments moments = teacher == null ? ShiftMoments.random(p.spectrum(), p.c2()) : teacher.moments();
        if (teacher != null && p.model() != ModelKind.RIDGE) {
            throw new TheoryException(
                    "a random-projection student with a trained teacher has no theory here: simulation" + " only");
        }
        long n1 = p.realCount();
        if (p.estimator() == Estimator.PRIOR) {
            TheoryResult prior = MomentRidgeTheory.prior(p.spectrum(), n1, p.sigma(), p.lambda(), moments);
            return new Prediction(prior, teacher == null ? null : teacher.error(), 0, 0, 1, prior);
        }
        long pool = p.syntheticCount();
        BinomialQuadrature good = BinomialQuadrature.of(v.goodRows(pool), v.keepGood());
        BinomialQuadrature bad = BinomialQuadrature.of(v.badRows(pool), v.keepBad());
        requireDefined(p, n1, good, bad);
        double total = 0, bias = 0, variance = 0, zeta = 0, residual = 0;
        double keptMean = v.expectedKept(pool);
        double nearest = Double.POSITIVE_INFINITY;
        double reg = Double.NaN;
        boolean converged = true;
        int iterations = 0;
        for (int i = 0; i < good.nodes().length; i++) {
            for (int j = 0; j < bad.nodes().length; j++) {
                double w = good.weights()[i] * bad.weights()[j];
                TheoryResult r = atCounts(p, moments, n1, good.nodes()[i], bad.nodes()[j]);
                total += w * r.testError();
                bias += w * r.bias();
                variance += w * r.variance();
                zeta += w * r.zeta();
                converged &= r.converged();
                iterations += r.iterations();
                residual = Math.max(residual, r.residual());
                double distance = Math.abs(good.nodes()[i] + bad.nodes()[j] - keptMean);
                if (distance < nearest) {
                    nearest = distance;
                    reg = r.effectiveRegularization();
                }
            }
        }
        TheoryResult student = new TheoryResult(total, bias, variance, zeta, reg, converged, iterations, residual);
        TheoryResult plugIn = atCounts(
                p, moments, n1, Math.round(v.goodRows(pool) * v.keepGood()), Math.round(v.expectedKeptBad(pool)));
        return new Prediction(
                student,
                teacher == null ? null : teacher.error(),
                keptMean,
                v.expectedKeptBad(pool),
                good.nodes().length * bad.nodes().length,
                plugIn);
    }

    /** The prediction at fixed kept counts: n1 real rows, kg good and kb bad kept rows. */
    static TheoryResult atCounts(Problem p, ShiftMoments moments, long n1, long kg, long kb) {
        long n = n1 + kg + kb;
        boolean likeReal =
                p.syntheticSpectrum() == null && p.syntheticSigma() == p.sigma() && p.syntheticWeight() == 1.0;
        if (p.model() == ModelKind.RIDGE) {
            if (likeReal && p.teacher().isNone() && n > 0) {
                return RidgeTheory.predict(p.spectrum(), n, (double) kb / n, p.c2(), p.sigma(), p.lambda());
            }
            return MomentRidgeTheory.predict(
                    p.spectrum(),
                    p.effectiveSyntheticSpectrum(),
                    n1,
                    kg,
                    kb,
                    p.sigma(),
                    p.syntheticSigma(),
                    p.syntheticWeight(),
                    p.lambda(),
                    moments);
        }
        if (n == 0) {
            return MomentRidgeTheory.predict(p.spectrum(), p.spectrum(), 0, 0, 0, 0, 0, 1, p.lambda(), moments);
        }
        if (likeReal) {
            return RandomProjectionTheory.predict(
                    p.spectrum(), n, p.m(), (double) kb / n, p.c2(), p.sigma(), p.lambda());
        }
        long k = kg + kb;
        double q = k == 0 ? 0 : (double) kb / k;
        Spectrum s1 = p.spectrum();
        Spectrum s2 = p.effectiveSyntheticSpectrum();
        double ratioTrace = 0; // (1/d) tr Σ2Σ1⁻¹
        for (int i = 0; i < s1.dimension(); i++) {
            ratioTrace += s2.eigenvalue(i) / s1.eigenvalue(i);
        }
        ratioTrace /= s1.dimension();
        double sigma2 = Math.sqrt(p.syntheticSigma() * p.syntheticSigma() + q * (1 - q) * p.c2() * ratioTrace);
        Problem kept = new Problem(
                p.model(),
                s1,
                p.syntheticSpectrum(),
                n,
                p.m(),
                (double) k / n,
                q * q * p.c2(),
                p.sigma(),
                p.lambda(),
                sigma2,
                p.syntheticWeight(),
                Estimator.MIX,
                null);
        return Theory.predict(kept);
    }

    /** λ = 0 with a kept count that can hit the interpolation threshold: the expected error is infinite. */
    private static void requireDefined(Problem p, long n1, BinomialQuadrature good, BinomialQuadrature bad) {
        if (p.lambda() != 0 || p.syntheticWeight() == 0) {
            return;
        }
        long threshold = p.model() == ModelKind.RIDGE ? p.d() : Math.min(p.m(), p.d());
        long lo = n1 + good.min() + bad.min();
        long hi = n1 + good.max() + bad.max();
        if (lo != hi && lo <= threshold && threshold <= hi) {
            throw new TheoryException(
                    "ridgeless (lambda = 0) expected error is infinite: the kept rows n1 + kept range over [" + lo
                            + ", " + hi + "] and can reach the interpolation threshold " + threshold
                            + "; use lambda > 0");
        }
    }
}
