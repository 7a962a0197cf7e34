package org.collapselab.data;

import java.util.Locale;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.validation.ParameterException;

/**
 * Limits of what simulation allocates (an n×d design, an m×d projection, a Gram or kernel matrix per run), checked
 * before any work. Theory accepts far larger n and m ({@link Problem#MAX_SIZE}); these limits only apply where rows
 * are really drawn. Memory is compared with the JVM's maximum heap ({@code -Xmx}, raised through
 * {@code COLLAPSELAB_JAVA_OPTS}); concurrent runs are reduced to what fits rather than refused.
 */
public final class SimulationLimits {
    /** Largest n or m that simulation draws. */
    public static final int MAX_ROWS = 1 << 24;
    /** Most independent runs of one simulation (the run seeds and errors are held in memory). */
    public static final int MAX_RUNS = 1_000_000;
    /** Most threads one command may start. */
    public static final int MAX_THREADS = 1024;
    /** Share of the maximum heap that the simulation's matrices may take (the rest: JVM, results, other cells). */
    public static final double HEAP_SHARE = 0.6;

    private SimulationLimits() {}

    /** The problem's n as an int, after checking that it (and m) can be simulated. */
    public static int rows(Problem problem) {
        if (problem.n() > MAX_ROWS) {
            throw new ParameterException("n", problem.n(), "an integer in [1, " + MAX_ROWS + "] for simulation");
        }
        if (problem.m() > MAX_ROWS) {
            throw new ParameterException("m", problem.m(), "an integer in [1, " + MAX_ROWS + "] for simulation");
        }
        if (problem.teacher().rows() > MAX_ROWS || problem.teacher().width() > MAX_ROWS) {
            throw new ParameterException(
                    "syntheticTeacher", problem.teacher().key(), "NS and MS in [1, " + MAX_ROWS + "] for simulation");
        }
        return (int) problem.n();
    }

    /** The problem's m as an int (0 for ridge), after the same check. */
    public static int width(Problem problem) {
        rows(problem);
        return (int) problem.m();
    }

    /** Checks a run count against {@link #MAX_RUNS}. */
    public static int runs(long runs) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new ParameterException("runs", runs, "an integer in [1, " + MAX_RUNS + "]");
        }
        return (int) runs;
    }

    /** Checks a thread count against {@link #MAX_THREADS}. */
    public static int threads(long threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException("threads", threads, "an integer in [1, " + MAX_THREADS + "]");
        }
        return (int) threads;
    }

    /**
     * Bytes one run holds at its peak, from the matrices it allocates (8 bytes a double): the n×d design and a working
     * copy, for ridge the d×d Gram (d ≤ n) or n×n kernel (d &gt; n); for random projections also S (d×m), the
     * projected n×m design and the m×m or n×n system. Saturates at {@link Long#MAX_VALUE}.
     */
    public static long bytesPerRun(Problem p) {
        double n = p.n();
        double d = p.d();
        double doubles = 2 * n * d + 4 * (n + d);
        if (p.model() == ModelKind.RANDOM_PROJECTION) {
            double m = p.m();
            doubles += d * m + 2 * n * m + Math.min(m, n) * Math.min(m, n);
        } else {
            doubles += Math.min(d, n) * Math.min(d, n);
        }
        double bytes = 8 * doubles * (p.generations().count() > 0 ? 2 : 1);
        if (!p.teacher().isNone()) { // the teacher is fitted first, on its own rows
            SyntheticTeacher t = p.teacher();
            ModelKind kind = t.kind() == SyntheticTeacher.Kind.RP ? ModelKind.RANDOM_PROJECTION : ModelKind.RIDGE;
            bytes = Math.max(
                    bytes, bytesPerRun(new Problem(kind, p.spectrum(), null, t.rows(), t.width(), 0, 0, 0, 0)));
        }
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** The heap simulation may use: {@link #HEAP_SHARE} of the JVM's maximum heap. */
    public static long heapBudget() {
        return (long) (HEAP_SHARE * Runtime.getRuntime().maxMemory());
    }

    /**
     * Checks that one run of {@code p} fits in the heap budget and returns how many of {@code wanted} concurrent runs
     * fit (at least 1). The message names d, n (and m), the memory needed and the JVM's limit.
     */
    public static int concurrentRuns(Problem p, int wanted) {
        rows(p);
        long per = bytesPerRun(p);
        long budget = heapBudget();
        if (per > budget) {
            String field = p.n() >= p.d() ? "n" : "d";
            throw new ParameterException(
                    field,
                    (field.equals("n") ? p.n() : p.d()) + " (with " + sizes(p) + " one run " + "needs " + gib(per)
                            + ")",
                    "small enough that one simulation run fits in " + gib(budget) + " ("
                            + (int) (HEAP_SHARE * 100) + "% of the JVM's maximum heap of "
                            + gib(Runtime.getRuntime().maxMemory())
                            + "; raise it with COLLAPSELAB_JAVA_OPTS=-Xmx<size>)");
        }
        return (int) Math.max(1, Math.min(wanted, budget / Math.max(1, per)));
    }

    private static String sizes(Problem p) {
        return "d = " + p.d() + ", n = " + p.n() + (p.model() == ModelKind.RANDOM_PROJECTION ? ", m = " + p.m() : "");
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
