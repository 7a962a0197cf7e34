package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collapselab.validation.ParameterException;

/**
 * Pilot runs grouped by training mix (n, p2, A), with the standard error of each group's mean error. Noise model:
 * <ul>
 *   <li>{@link NoiseModel#STDERR}: every run carries its own standard error; a group's mean is inverse-variance
 *       weighted.</li>
 *   <li>{@link NoiseModel#REPLICATES}: no standard errors, some mixes run with several seeds. The run-to-run
 *       variance is modelled as proportional to the squared mean (a pooled coefficient of variation τ, since errors
 *       of different sizes scatter in proportion), and each group's own variance is shrunk towards τ²ȳ² with
 *       {@link #PRIOR_DOF} degrees of freedom (an empirical-Bayes variance, Smyth 2004), so that a group of two
 *       seeds that happened to agree does not get a near-infinite weight; groups of one run use τ²ȳ².</li>
 *   <li>{@link NoiseModel#RESIDUAL}: one run per mix and no standard errors: the same proportional model with τ
 *       estimated from the fit's residuals ({@link LawFitter}).</li>
 * </ul>
 * Pilots of several model sizes m: only the largest size is kept (the law has no width term; the rest are counted
 * in {@link #droppedRuns()}).
 */
public final class PilotSet {
    /** Prior degrees of freedom of the shrunk replicate variance. */
    public static final double PRIOR_DOF = 4;
    /** Fewest distinct training sizes n the law is fitted to. */
    public static final int MIN_SIZES = 3;

    /** Where the standard errors come from. */
    public enum NoiseModel {
        STDERR,
        REPLICATES,
        RESIDUAL
    }

    private final List<PilotGroup> groups;
    private final NoiseModel noise;
    private final double relativeScatter;
    private final int runs;
    private final int droppedRuns;
    private final double modelSize;

    private PilotSet(
            List<PilotGroup> groups,
            NoiseModel noise,
            double relativeScatter,
            int runs,
            int droppedRuns,
            double modelSize) {
        this.groups = List.copyOf(groups);
        this.noise = noise;
        this.relativeScatter = relativeScatter;
        this.runs = runs;
        this.droppedRuns = droppedRuns;
        this.modelSize = modelSize;
    }

    /**
     * Groups and checks pilot runs.
     *
     * @throws ParameterException when standard errors are given for some runs only, fewer than {@link #MIN_SIZES}
     *     sizes n are present, or no run has p2 &gt; 0
     */
    public static PilotSet of(List<Pilot> pilots) {
        if (pilots == null || pilots.isEmpty()) {
            throw new ParameterException("pilots", "none", "at least one pilot run");
        }
        double largest = Double.NaN;
        for (Pilot p : pilots) {
            if (!Double.isNaN(p.modelSize()) && !(p.modelSize() <= largest)) {
                largest = p.modelSize();
            }
        }
        List<Pilot> kept = new ArrayList<>();
        for (Pilot p : pilots) {
            if (Double.isNaN(largest) || Double.isNaN(p.modelSize()) || p.modelSize() == largest) {
                kept.add(p);
            }
        }
        long withStderr = kept.stream().filter(Pilot::hasStderr).count();
        if (withStderr != 0 && withStderr != kept.size()) {
            throw new ParameterException(
                    "stderr", withStderr + " of " + kept.size() + " runs", "given for every run or for none");
        }
        Map<List<Double>, List<Pilot>> byMix = new TreeMap<>(Comparator.<List<Double>>comparingDouble(k -> k.get(0))
                .thenComparingDouble(k -> k.get(1))
                .thenComparingDouble(k -> k.get(2)));
        for (Pilot p : kept) {
            byMix.computeIfAbsent(List.of((double) p.n(), p.p2(), p.weight()), k -> new ArrayList<>())
                    .add(p);
        }
        long sizes = kept.stream().mapToLong(Pilot::n).distinct().count();
        if (sizes < MIN_SIZES) {
            throw new ParameterException(
                    "n",
                    sizes + " distinct size" + (sizes == 1 ? "" : "s"),
                    "at least " + MIN_SIZES + " distinct training sizes n (the law's shape is fitted along n)");
        }
        if (kept.stream().noneMatch(p -> p.p2() > 0)) {
            throw new ParameterException(
                    "p2",
                    "0 in every run",
                    "at least one run with p2 > 0 (the gap c² is fitted " + "from runs with synthetic rows)");
        }
        return withStderr > 0
                ? fromStderr(byMix, kept.size(), pilots.size() - kept.size(), largest)
                : fromScatter(byMix, kept.size(), pilots.size() - kept.size(), largest);
    }

    private static PilotSet fromStderr(Map<List<Double>, List<Pilot>> byMix, int runs, int dropped, double m) {
        List<PilotGroup> out = new ArrayList<>();
        for (List<Pilot> g : byMix.values()) {
            double wsum = 0;
            double ysum = 0;
            for (Pilot p : g) {
                double w = 1 / (p.stderr() * p.stderr());
                wsum += w;
                ysum += w * p.error();
            }
            Pilot first = g.get(0);
            out.add(new PilotGroup(
                    first.n(), first.p2(), first.weight(), g.size(), ysum / wsum, Math.sqrt(1 / wsum), spread(g)));
        }
        return new PilotSet(out, NoiseModel.STDERR, Double.NaN, runs, dropped, m);
    }

    private static PilotSet fromScatter(Map<List<Double>, List<Pilot>> byMix, int runs, int dropped, double m) {
        double dof = 0;
        double cv2 = 0;
        for (List<Pilot> g : byMix.values()) {
            double mean = mean(g);
            if (g.size() > 1 && mean > 0) {
                double s = spread(g);
                dof += g.size() - 1;
                cv2 += (g.size() - 1) * (s / mean) * (s / mean);
            }
        }
        NoiseModel noise = dof > 0 ? NoiseModel.REPLICATES : NoiseModel.RESIDUAL;
        double tau2 = dof > 0 ? cv2 / dof : 1; // RESIDUAL: unit weights relative to the mean, τ comes from the fit
        double top = byMix.values().stream().mapToDouble(PilotSet::mean).max().orElse(1);
        List<PilotGroup> out = new ArrayList<>();
        for (List<Pilot> g : byMix.values()) {
            double mean = mean(g);
            double level = Math.max(mean, 1e-6 * top); // an error of 0 keeps a finite weight
            double prior = tau2 * level * level;
            int k = g.size();
            double perRun = k > 1 && noise == NoiseModel.REPLICATES
                    ? (PRIOR_DOF * prior + (k - 1) * Math.pow(spread(g), 2)) / (PRIOR_DOF + k - 1)
                    : prior;
            Pilot first = g.get(0);
            out.add(new PilotGroup(first.n(), first.p2(), first.weight(), k, mean, Math.sqrt(perRun / k), spread(g)));
        }
        return new PilotSet(out, noise, Math.sqrt(tau2), runs, dropped, m);
    }

    /** The same mixes with other mean errors (bootstrap replicates), standard errors kept. */
    public PilotSet withMeans(double[] means) {
        if (means.length != groups.size()) {
            throw new IllegalArgumentException("expected " + groups.size() + " means, got " + means.length);
        }
        List<PilotGroup> out = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            PilotGroup g = groups.get(i);
            out.add(new PilotGroup(g.n(), g.p2(), g.weight(), g.runs(), means[i], g.stderr(), g.spread()));
        }
        return new PilotSet(out, noise, relativeScatter, runs, droppedRuns, modelSize);
    }

    /** The same groups with other standard errors (the RESIDUAL model once τ is estimated), pooled scatter τ. */
    public PilotSet withStandardErrors(double[] stderrs, double tau) {
        List<PilotGroup> out = new ArrayList<>();
        for (int i = 0; i < stderrs.length; i++) {
            PilotGroup g = groups.get(i);
            out.add(new PilotGroup(g.n(), g.p2(), g.weight(), g.runs(), g.mean(), stderrs[i], g.spread()));
        }
        return new PilotSet(out, noise, tau, runs, droppedRuns, modelSize);
    }

    private static double mean(List<Pilot> g) {
        return g.stream().mapToDouble(Pilot::error).average().orElse(Double.NaN);
    }

    private static double spread(List<Pilot> g) {
        if (g.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(g);
        double ss = 0;
        for (Pilot p : g) {
            ss += (p.error() - mean) * (p.error() - mean);
        }
        return Math.sqrt(ss / (g.size() - 1));
    }

    /** The groups, by n, then p2, then A. */
    public List<PilotGroup> groups() {
        return groups;
    }

    /** Where the standard errors come from. */
    public NoiseModel noise() {
        return noise;
    }

    /** Pooled run-to-run coefficient of variation τ (REPLICATES), 1 for RESIDUAL (fitted later), NaN for STDERR. */
    public double relativeScatter() {
        return relativeScatter;
    }

    /** Runs used. */
    public int runs() {
        return runs;
    }

    /** Runs left out because they were of a smaller model size m. */
    public int droppedRuns() {
        return droppedRuns;
    }

    /** The model size m of the runs used (NaN if not given). */
    public double modelSize() {
        return modelSize;
    }

    /** Largest n among the pilots. */
    public long largestSize() {
        return groups.stream().mapToLong(PilotGroup::n).max().orElse(0);
    }

    /** Smallest n among the pilots. */
    public long smallestSize() {
        return groups.stream().mapToLong(PilotGroup::n).min().orElse(0);
    }

    /** The distinct shares p2, ascending. */
    public List<Double> shares() {
        return groups.stream().map(PilotGroup::p2).distinct().sorted().toList();
    }
}
