package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Regime;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.RidgeTheory;
import org.collapselab.theory.ScalarMinimum;

/**
 * The forecast checked where the truth is known: ridge on Gaussian data, pilots simulated at n = d/4, d/2, 2d, 4d, 8d
 * and p2 ∈ {0, 0.1, 0.3, 0.5} ({@code seeds} runs each, no standard errors), the law fitted (the floor either held at
 * the excess risk's known 0, as {@code forecast --floor 0} does, or left to the pilots) and
 * bootstrapped ({@link Forecaster#fit}), its forecasts at n = 80d (10× the largest pilot) compared with the exact
 * deterministic equivalent (Dohmatob et al., Strong Model Collapse, ICLR 2025, Theorem 1: {@link RidgeTheory}), and
 * the share it recommends for n1 real rows evaluated exactly against the exact optimum over k ≤ 9·n1 synthetic rows
 * at the learner's λ and A = 1 ({@link Advisor#evaluate}).
 */
public final class GaussianCheck {
    /** The shares forecast at the target. */
    public static final double[] SHARES = {0, 0.1, 0.3};
    /** The shares piloted. */
    static final double[] PILOT_SHARES = {0, 0.1, 0.3, 0.5};

    private GaussianCheck() {}

    /**
     * A Gaussian problem and its pilots.
     *
     * @param d dimension
     * @param exponent spectrum s_i = i^−α (0: isotropic)
     * @param sigma label noise σ
     * @param c2 synthetic gap c² = ‖Δ‖²_Σ
     * @param lambda ridge λ of the learner
     * @param seeds runs per pilot mix
     */
    public record Setting(int d, double exponent, double sigma, double c2, double lambda, int seeds)
            implements java.io.Serializable {
        /** The covariance spectrum. */
        public Spectrum spectrum() {
            return exponent == 0 ? Spectrum.isotropic(d) : Spectrum.powerLaw(d, exponent);
        }

        /** The forecast target n = 80d. */
        public long target() {
            return 80L * d;
        }

        /** The exact test error (excess risk) at n rows and share p2 (rounded to whole rows). */
        public double exact(long n, double p2) {
            return RidgeTheory.predict(spectrum(), n, Math.round(p2 * n) / (double) n, c2, sigma, lambda)
                    .testError();
        }
    }

    /**
     * The outcome for one pilot set.
     *
     * @param truth exact error at the target for each of {@link #SHARES}
     * @param forecast the law's forecast with its interval there
     * @param law the chosen candidate
     * @param realRows n1 values of the recommendation check (d and 80d)
     * @param share the share the law recommends for each n1
     * @param recommended exact error of that recipe
     * @param optimum exact optimum over the number of synthetic rows
     */
    public record Outcome(
            double[] truth,
            Estimate[] forecast,
            String law,
            long[] realRows,
            double[] share,
            double[] recommended,
            double[] optimum) {}

    /** Simulated pilots of a setting; pilot set {@code seed} draws its own runs. */
    public static PilotSet pilots(Setting s, long seed) {
        List<Pilot> pilots = new ArrayList<>();
        int k = 0;
        int d = s.d();
        for (long n : new long[] {d / 4, d / 2, 2L * d, 4L * d, 8L * d}) {
            for (double p2 : PILOT_SHARES) {
                Problem p = Problem.ridge(s.spectrum(), n, p2, s.c2(), s.sigma(), s.lambda());
                for (double e : Simulator.simulate(p, s.seeds(), 7919L * seed + 1000L * k++, 1)
                        .runs()) {
                    pilots.add(new Pilot(n, p2, e, Double.NaN, 1, Double.NaN, null));
                }
            }
        }
        return PilotSet.of(pilots);
    }

    /**
     * Fits and bootstraps one pilot set and compares its forecasts and recommendations with the exact values.
     *
     * @param floor the known floor of the error (0: the simulated error is an excess risk), or NaN to let the pilots
     *     decide whether to fit one
     */
    public static Outcome run(Setting s, long seed, int bootstrap, double level, int threads, double floor) {
        Forecaster.Fitted f = Forecaster.fit(pilots(s, seed), floor, bootstrap, seed, threads);
        long target = s.target();
        double[] truth = new double[SHARES.length];
        Estimate[] forecast = new Estimate[SHARES.length];
        for (int i = 0; i < SHARES.length; i++) {
            truth[i] = s.exact(target, SHARES[i]);
            forecast[i] = f.error(target, SHARES[i], 1, level);
        }
        long[] realRows = {s.d(), target};
        double[] share = new double[2];
        double[] recommended = new double[2];
        double[] optimum = new double[2];
        for (int j = 0; j < 2; j++) {
            long n1 = realRows[j];
            share[j] = f.law().bestShare(n1, 1)[0];
            Regime regime = Regime.ridge(s.spectrum(), null, n1, 9 * n1, s.sigma(), s.sigma(), s.c2());
            recommended[j] = excess(regime, Math.round(n1 * share[j] / (1 - share[j])), s.lambda());
            double atZero = excess(regime, 0, s.lambda());
            ScalarMinimum.Min m =
                    ScalarMinimum.minimize(x -> excess(regime, Math.round(x * 9 * n1), s.lambda()), 0, 1, 37, 1e-4);
            optimum[j] = Math.min(atZero, Math.min(m.value(), recommended[j]));
        }
        return new Outcome(truth, forecast, f.selection().best().model().name(), realRows, share, recommended, optimum);
    }

    private static double excess(Regime regime, long k, double lambda) {
        return Advisor.evaluate(regime, k, 1, lambda, 0).predictedTestError();
    }
}
