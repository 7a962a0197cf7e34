package org.collapselab.nn.pilots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.collapselab.validation.ParameterException;

/**
 * The pilot grid sized to a time budget: training sizes n (geometric, multiples of 10 so that every share is a whole
 * number of rows), synthetic shares p2 and seeds per (n, p2). Chosen by {@link #choose}, a pure function of the data's
 * shape, one timed probe fit and the budget.
 *
 * @param sizes training sizes, increasing
 * @param shares synthetic shares, increasing, starting at 0
 * @param seeds runs per (n, p2), each on a different subset of rows
 * @param predictedSeconds predicted run time of the grid (serial: one fit after another)
 * @param probeSeconds the probe fit's time
 * @param probeN the probe fit's training rows
 * @param budget the budget in seconds
 */
public record PilotPlan(
        List<Long> sizes,
        List<Double> shares,
        int seeds,
        double predictedSeconds,
        double probeSeconds,
        long probeN,
        double budget) {
    /** The shares tried, when the synthetic rows can fill them. */
    public static final List<Double> SHARES = List.of(0.0, 0.1, 0.3, 0.5);
    /** Fixed cost per run besides the fit (row selection, storing the cell), seconds. */
    public static final double OVERHEAD_SECONDS = 0.01;
    /** Grid shapes (sizes, shares, seeds) from the richest to the minimal, in the order they are tried. */
    static final int[][] SHAPES = {{6, 4, 3}, {5, 4, 3}, {4, 4, 3}, {4, 3, 3}, {4, 3, 2}, {3, 3, 2}, {3, 2, 2}};
    /** Share of the real training pool the largest size may use (so that seeds draw different subsets). */
    static final double POOL_SHARE = 0.8;

    public PilotPlan {
        sizes = List.copyOf(sizes);
        shares = List.copyOf(shares);
    }

    /** Runs in the grid. */
    public int runs() {
        return sizes.size() * shares.size() * seeds;
    }

    /** The smallest size: max(2·features, 50), rounded up to a multiple of 10. */
    public static long smallest(int features) {
        return roundUp(Math.max(2L * features, 50));
    }

    /** The largest size the real pool allows: 80% of its rows, rounded down to a multiple of 10. */
    public static long largest(int realRows) {
        return (long) Math.floor(POOL_SHARE * realRows / 10) * 10;
    }

    /** The largest size the budget may shrink the grid to: min(largest, 4 × smallest). */
    public static long floorSize(int features, int realRows) {
        return Math.min(largest(realRows), roundUp(4 * smallest(features)));
    }

    /**
     * The richest grid whose predicted time fits the budget. The time of one run at n is
     * {@code probeSeconds · n / probeN + OVERHEAD_SECONDS} (a fit's cost grows like n at a fixed number of features:
     * ridge and logistic build d×d Gram matrices, the networks take n/32 steps per epoch); the grid's is the sum over
     * its runs. Tried in order: every shape of {@link #SHAPES} at the largest size the data allow, then the same with
     * the largest size halved, down to {@link #floorSize}. Needs {@code largest(realRows) >= 2 · smallest(features)}
     * and synthetic rows for a share of 0.1 at the floor size (the caller checks both with the files' names).
     *
     * @throws ParameterException on {@code --budget} when even the minimal grid (3 sizes × 2 shares × 2 seeds up to
     *     the floor size) is predicted to exceed it; the message says the minimum
     */
    public static PilotPlan choose(
            int features, int realRows, int syntheticRows, double probeSeconds, long probeN, double budget) {
        long lo = smallest(features);
        long top = largest(realRows);
        long floor = floorSize(features, realRows);
        if (top < 2 * lo || syntheticRows < 0.1 * floor) {
            throw new IllegalArgumentException("too few rows for a pilot grid (check them before planning)");
        }
        List<Long> tops = new ArrayList<>();
        for (long t = top; t > floor; t = (t / 2) / 10 * 10) {
            tops.add(t);
        }
        tops.add(floor);
        PilotPlan minimal = null;
        for (long hi : tops) {
            List<Double> fillable =
                    SHARES.stream().filter(p -> p * hi <= syntheticRows).toList();
            if (fillable.size() < 2) {
                continue;
            }
            for (int[] shape : SHAPES) {
                // 0 and the largest shares the synthetic rows fill (0.1 is dropped first)
                int c = Math.min(shape[1], fillable.size());
                List<Double> shares = new ArrayList<>(List.of(0.0));
                shares.addAll(fillable.subList(fillable.size() - (c - 1), fillable.size()));
                List<Long> sizes = sizes(lo, hi, shape[0]);
                double t = predict(sizes, shares.size(), shape[2], probeSeconds, probeN);
                PilotPlan p = new PilotPlan(sizes, shares, shape[2], t, probeSeconds, probeN, budget);
                if (t <= budget) {
                    return p;
                }
                minimal = p;
            }
        }
        throw new ParameterException(
                "--budget",
                fmt(budget),
                String.format(
                        Locale.ROOT,
                        "at least %s s for this data and learner (the minimal grid: 3 sizes up to n = %d × 2 shares × "
                                + "2 seeds, predicted from a probe fit of %s s at n = %d)",
                        fmt(Math.ceil(minimal.predictedSeconds * 10) / 10),
                        minimal.sizes.get(minimal.sizes.size() - 1),
                        fmt(probeSeconds),
                        probeN));
    }

    /** {@code k} geometric sizes from {@code lo} to {@code hi}, multiples of 10, duplicates dropped. */
    static List<Long> sizes(long lo, long hi, int k) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long n = i == k - 1 ? hi : roundUp(Math.round(lo * Math.pow((double) hi / lo, (double) i / (k - 1))));
            if (out.isEmpty() || n > out.get(out.size() - 1)) {
                out.add(Math.min(n, hi));
            }
        }
        return out;
    }

    /** Predicted serial seconds of a grid. */
    static double predict(List<Long> sizes, int shares, int seeds, double probeSeconds, long probeN) {
        double t = 0;
        for (long n : sizes) {
            t += shares * seeds * (probeSeconds * n / probeN + OVERHEAD_SECONDS);
        }
        return t;
    }

    /** One line: the grid, its runs and its predicted time. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d sizes n = %s × p2 ∈ {%s} × %d seeds = %d runs; predicted %s s (probe fit %s s at n = %d; budget %s s)",
                sizes.size(),
                sizes.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                shares.stream().map(PilotPlan::fmt).collect(Collectors.joining(", ")),
                seeds,
                runs(),
                fmt(Math.round(predictedSeconds * 10) / 10.0),
                fmt(probeSeconds),
                probeN,
                fmt(budget));
    }

    /** A number of seconds: whole, one decimal from 100 up, else three significant digits (never in E notation). */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%.1f", v)
                : new java.math.BigDecimal(v)
                        .round(new java.math.MathContext(3))
                        .toPlainString();
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static long roundUp(long n) {
        return (n + 9) / 10 * 10;
    }
}
