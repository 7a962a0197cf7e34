package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.collapselab.theory.ScalarMinimum;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.ParameterException;

/**
 * Fits the collapse law to pilot groups by weighted least squares, χ² = Σ ((ȳ_g − E_g)/se_g)². The law is linear in
 * (floor, scale, noise, gap) at fixed shape, so those are solved exactly (non-negative least squares) at every shape
 * x = (log10 d, α, log10 λ, γ) (variable projection, Golub–Pereyra 1973); x is searched globally: a scan of a grid
 * over the whole box, then BOBYQA (Powell 2009, commons-math3) from the best distinct grid points.
 */
public final class LawFitter {
    private static final double PENALTY = 1e30;
    private static final int LOCAL_STARTS = 6;
    private static final int MAX_EVAL = 1500;

    private LawFitter() {}

    /** The global fit. */
    public static LawFit fit(PilotSet pilots, LawModel model) {
        PilotSet used = pilots;
        int dof = pilots.groups().size() - model.parameterCount();
        if (pilots.noise() == PilotSet.NoiseModel.RESIDUAL && dof <= 0) {
            throw new ParameterException(
                    "pilots",
                    pilots.groups().size() + " distinct mixes (n, p2, A) with one run each",
                    "more than the law's " + model.parameterCount()
                            + " parameters when no run has a stderr or replicate seeds");
        }
        Objective f = new Objective(used, model);
        List<double[]> grid = grid(pilots, model);
        List<double[]> scored = new ArrayList<>();
        for (double[] x : grid) {
            double v = f.value(x);
            if (v < PENALTY) {
                scored.add(append(x, v));
            }
        }
        if (scored.isEmpty()) {
            throw new TheoryException("the law has no finite value on the search grid for these pilots");
        }
        scored.sort(Comparator.comparingDouble(a -> a[4]));
        List<double[]> starts = new ArrayList<>();
        for (double[] s : scored) {
            if (starts.size() >= LOCAL_STARTS) {
                break;
            }
            if (starts.stream().noneMatch(t -> distance(t, s) < 0.3)) {
                starts.add(java.util.Arrays.copyOf(s, 4));
            }
        }
        return finish(used, model, f, starts, 0.2, 1e-6);
    }

    /** A local refit from given starting points (bootstrap replicates start from the original fit's optima). */
    public static LawFit refit(PilotSet pilots, LawModel model, List<double[]> starts) {
        return finish(pilots, model, new Objective(pilots, model), starts, 0.1, 1e-5);
    }

    private static LawFit finish(
            PilotSet pilots, LawModel model, Objective f, List<double[]> starts, double radius, double stop) {
        List<double[]> optima = new ArrayList<>();
        boolean converged = true;
        for (double[] s : starts) {
            double[] x = local(f, model, s, radius, stop);
            double v = f.value(x);
            if (v < PENALTY && optima.stream().noneMatch(o -> distance(o, x) < 0.05)) {
                optima.add(append(x, v));
            }
        }
        if (optima.isEmpty()) {
            throw new TheoryException("no local search from " + starts.size() + " starts found a finite fit");
        }
        optima.sort(Comparator.comparingDouble(a -> a[4]));
        double[] best = optima.get(0);
        double chi2 = f.value(best);
        double[] beta = f.lastBeta.clone();
        double[] fitted = f.lastFitted.clone();
        converged &= f.lastConverged;
        double floor = model.linear()[0] ? beta[0] : model.floorValue();
        LawParameters params = new LawParameters(floor, beta[1], beta[2], beta[3], model.shape(best));
        int dof = pilots.groups().size() - model.parameterCount();
        PilotSet used = pilots;
        double inflation = 1;
        if (pilots.noise() == PilotSet.NoiseModel.RESIDUAL) {
            double tau = Math.sqrt(chi2 / Math.max(1, dof)) * pilots.relativeScatter();
            double[] se = new double[fitted.length];
            for (int i = 0; i < se.length; i++) {
                se[i] = pilots.groups().get(i).stderr() * tau / pilots.relativeScatter();
            }
            used = pilots.withStandardErrors(se, tau);
            chi2 = chi2 * (pilots.relativeScatter() / tau) * (pilots.relativeScatter() / tau);
        } else if (dof > 0) {
            inflation = Math.max(1, chi2 / dof);
        }
        List<double[]> xs =
                optima.stream().map(o -> java.util.Arrays.copyOf(o, 4)).toList();
        return new LawFit(model, params, used, chi2, dof, inflation, fitted, xs, converged, f.evaluations);
    }

    /** BOBYQA over the free coordinates (golden section for one, none for zero), from {@code start}. */
    private static double[] local(Objective f, LawModel model, double[] start, double radius, double stop) {
        int[] free = model.free();
        double[] x = start.clone();
        for (int i = 0; i < 4; i++) {
            x[i] = Math.min(model.upper()[i], Math.max(model.lower()[i], x[i]));
        }
        if (free.length == 0) {
            return x;
        }
        if (free.length == 1) {
            int i = free[0];
            double[] y = x.clone();
            ScalarMinimum.Min m = ScalarMinimum.minimize(
                    v -> {
                        y[i] = v;
                        return f.value(y);
                    },
                    model.lower()[i],
                    model.upper()[i],
                    15,
                    stop);
            x[i] = m.x();
            return x;
        }
        double[] lo = new double[free.length];
        double[] hi = new double[free.length];
        double[] x0 = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            lo[j] = model.lower()[free[j]];
            hi[j] = model.upper()[free[j]];
            x0[j] = Math.min(hi[j] - 1e-9, Math.max(lo[j] + 1e-9, x[free[j]]));
        }
        double[] bestX = x.clone();
        double[] bestV = {Double.POSITIVE_INFINITY};
        double[] full = x.clone();
        ObjectiveFunction obj = new ObjectiveFunction(z -> {
            for (int j = 0; j < free.length; j++) {
                full[free[j]] = z[j];
            }
            double v = f.value(full);
            if (v < bestV[0]) {
                bestV[0] = v;
                System.arraycopy(full, 0, bestX, 0, 4);
            }
            return v;
        });
        try {
            new BOBYQAOptimizer(2 * free.length + 1, radius, stop)
                    .optimize(
                            new MaxEval(MAX_EVAL),
                            obj,
                            GoalType.MINIMIZE,
                            new InitialGuess(x0),
                            new SimpleBounds(lo, hi));
        } catch (MathIllegalStateException e) {
            // evaluation budget spent, or a trust-region step that no longer reduces the model: keep the best point
            // seen
        }
        return bestX;
    }

    /** Starting grid over the box; d's values follow the pilots' sizes. */
    private static List<double[]> grid(PilotSet pilots, LawModel model) {
        double lo = Math.log10(pilots.smallestSize());
        double hi = Math.log10(pilots.largestSize());
        double[][] axes = {
            {lo - 0.6, lo, 0.5 * (lo + hi), hi, hi + 0.7, hi + 1.5, 6, 9},
            {0, 0.6, 1.2, 2.0},
            {-8, -5, -3, -1.5, 0},
            {-0.5, 0, 0.5, 1, 1.5, 2.5}
        };
        List<TreeSet<Double>> values = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TreeSet<Double> v = new TreeSet<>();
            for (double a : axes[i]) {
                v.add(Math.min(model.upper()[i], Math.max(model.lower()[i], a)));
            }
            values.add(v);
        }
        List<double[]> out = new ArrayList<>();
        for (double a : values.get(0)) {
            for (double b : values.get(1)) {
                for (double c : values.get(2)) {
                    for (double d : values.get(3)) {
                        out.add(new double[] {a, b, c, d});
                    }
                }
            }
        }
        return out;
    }

    private static double[] append(double[] x, double v) {
        double[] out = java.util.Arrays.copyOf(x, 5);
        out[4] = v;
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s = Math.max(s, Math.abs(a[i] - b[i]));
        }
        return s;
    }

    /** χ²(x) with the coefficients solved by NNLS; remembers the last solution. */
    static final class Objective {
        private final PilotSet pilots;
        private final LawModel model;
        private final double[] y;
        private final double[] se;
        int evaluations;
        double[] lastBeta = new double[4];
        double[] lastFitted;
        boolean lastConverged;

        Objective(PilotSet pilots, LawModel model) {
            this.pilots = pilots;
            this.model = model;
            int g = pilots.groups().size();
            y = new double[g];
            se = new double[g];
            for (int i = 0; i < g; i++) {
                y[i] = pilots.groups().get(i).mean();
                se[i] = pilots.groups().get(i).stderr();
            }
            lastFitted = new double[g];
        }

        double value(double[] x) {
            evaluations++;
            LawShape shape = model.shape(x);
            LawAtoms atoms = LawAtoms.of(shape);
            int g = y.length;
            double[][] design = new double[g][];
            double[] target = new double[g];
            boolean converged = true;
            java.util.Map<Long, double[]> plain = new java.util.HashMap<>(); // A = 1 or p2 = 0: κ depends on n only
            try {
                for (int i = 0; i < g; i++) {
                    PilotGroup grp = pilots.groups().get(i);
                    double[] fixed = grp.weight() == 1 || grp.p2() == 0
                            ? plain.computeIfAbsent(grp.n(), n -> CollapseLaw.solve(atoms, n, 0, 1, shape.lambda()))
                            : CollapseLaw.solve(atoms, grp.n(), grp.p2(), grp.weight(), shape.lambda());
                    LawTerms t = CollapseLaw.terms(atoms, grp.n(), grp.p2(), grp.weight(), shape.lambda(), fixed);
                    converged &= t.converged();
                    design[i] = new double[] {1 / se[i], t.bias() / se[i], t.variance() / se[i], t.synthetic() / se[i]};
                    target[i] = (y[i] - model.floorValue()) / se[i];
                }
            } catch (IllegalArgumentException e) { // TheoryException included: the law diverges at this shape
                return PENALTY;
            }
            Nnls.Solution sol = Nnls.solve(design, target, model.linear());
            if (!Double.isFinite(sol.rss())) {
                return PENALTY;
            }
            lastBeta = sol.beta();
            for (int i = 0; i < g; i++) {
                double v = 0;
                for (int j = 0; j < 4; j++) {
                    v += design[i][j] * se[i] * lastBeta[j];
                }
                lastFitted[i] = v + (model.linear()[0] ? 0 : model.floorValue());
            }
            lastConverged = converged;
            return sol.rss();
        }
    }
}
