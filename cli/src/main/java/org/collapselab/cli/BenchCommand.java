package org.collapselab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.Loss;
import org.collapselab.cli.bench.KernelBenchmark;
import org.collapselab.cli.bench.ServerBenchmark;
import org.collapselab.linalg.Blas;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SamplerCost;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.spectrum.Spectrum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab bench}: the performance table the targets are stated in. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmark: dgemm rate, a ridge simulation cell (d=1000, n=4000) and its kernels' rate, a theory point, "
                        + "a 200-point theory curve served over HTTP.")
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--d",
            defaultValue = "1000",
            description = "Dimension of the benchmark cell (default: ${DEFAULT-VALUE}).")
    int d;

    @Option(
            names = "--n",
            defaultValue = "4000",
            description = "Rows of the benchmark cell (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(
            names = "--reps",
            defaultValue = "5",
            description = "Repetitions per measurement, best kept (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--serve-only", description = "Only the served theory curve (skips the BLAS and simulation parts).")
    boolean serveOnly;

    @Option(names = "--theory-only", description = "Only the times of theory points (regression and classification).")
    boolean theoryOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (serveOnly) {
            printServe(out);
            return 0;
        }
        if (theoryOnly) {
            Spectrum power = Spectrum.powerLaw(1000, 1.0);
            out.printf(
                    "%-52s %12.2f  %s%n",
                    "theory point, ridge, d=1000 [µs]",
                    KernelBenchmark.theoryMicros(Problem.ridge(power, 2000, 0.1, 1, 0.5, 1e-3), 20000),
                    "target <= 20 µs");
            classificationRows(out);
            return 0;
        }
        out.println("BLAS: " + Blas.describe());
        double dgemm = KernelBenchmark.dgemmGflops(2000, reps);
        KernelBenchmark.RidgeRun run = KernelBenchmark.ridgeRun(d, n, reps);
        int threads = Runtime.getRuntime().availableProcessors();
        SimulationResult cell = KernelBenchmark.cell(d, n, 2 * threads, threads);
        Spectrum power = Spectrum.powerLaw(1000, 1.0);
        double ridgeMicros = KernelBenchmark.theoryMicros(Problem.ridge(power, 2000, 0.1, 1, 0.5, 1e-3), 20000);
        double rpMicros =
                KernelBenchmark.theoryMicros(Problem.randomProjection(power, 2000, 1500, 0.1, 1, 0.5, 1e-3), 5000);
        double loopMicros = KernelBenchmark.theoryMicros(
                Problem.ridge(power, 2000, 0.1, 1, 0.5, 1e-3)
                        .withGenerations(new Generations(20, Schedule.REPLACE, 0.5)),
                2000);
        out.println();
        out.printf("%-52s %12s  %s%n", "measurement", "value", "target / note");
        out.printf("%-52s %12.1f  %s%n", "dgemm 2000x2000 [GFLOP/s]", dgemm, "reference rate of this BLAS");
        out.printf(
                "%-52s %12.1f  %s%n",
                "ridge run d=" + d + " n=" + n + ": sample X,y [ms]", run.sampleSeconds() * 1e3, "");
        out.printf(
                "%-52s %12.1f  %.1f GFLOP/s%n", "  Gram XᵀX/n (dsyrk) [ms]", run.gramSeconds() * 1e3, run.gramGflops());
        out.printf(
                "%-52s %12.1f  %.1f GFLOP/s%n",
                "  Cholesky solve (dpotrf+dpotrs) [ms]", run.solveSeconds() * 1e3, run.solveGflops());
        out.printf(
                "%-52s %12.1f  %s%n",
                "  Gram+solve kernels [GFLOP/s]",
                run.kernelGflops(),
                String.format("%.0f%% of dgemm (target >= 70%%)", 100 * run.kernelGflops() / dgemm));
        out.printf("%-52s %12.1f  %s%n", "  whole fit (RidgeRegression.fit) [ms]", run.fitSeconds() * 1e3, "");
        out.printf(
                "%-52s %12.2f  %s%n",
                "cell: " + cell.runs().length + " runs on " + threads + " threads, "
                        + SamplerCost.choose(
                                        Problem.ridge(Spectrum.powerLaw(d, 1.0), n, 0.1, 1, 0.5, 1e-3),
                                        SimulationOptions.DEFAULT)
                                .key()
                        + " [s]",
                cell.seconds(),
                String.format("%.3f s per run", cell.seconds() / cell.runs().length * threads));
        out.printf("%-52s %12.2f  %s%n", "theory point, ridge, d=1000 [µs]", ridgeMicros, "target <= 20 µs");
        samplerRows(out, threads);
        out.printf(
                "%-52s %12s  %s%n",
                "theory point, random projections, d=1000 [µs]",
                Double.isNaN(rpMicros) ? "n/a" : String.format("%.2f", rpMicros),
                "target <= 20 µs");
        out.printf(
                "%-52s %12.2f  %s%n",
                "theory, ridge loop, 20 generations, d=1000 [µs]",
                loopMicros,
                "target <= 1000 µs (all 21 generations + stability)");
        classificationRows(out);
        printServe(out);
        return 0;
    }

    /** Classification theory points at d = 1000 (power:1 and iso; verifier and flips on). */
    private void classificationRows(PrintWriter out) {
        for (String kind : new String[] {"power:1", "iso"}) {
            Spectrum s = kind.equals("iso") ? Spectrum.isotropic(1000) : Spectrum.powerLaw(1000, 1.0);
            for (Loss loss : Loss.values()) {
                ClassificationProblem p =
                        new ClassificationProblem(s, 2000, 0.5, 2, 0.2, loss, 0.01, 2, 0.9, 0.3, null);
                out.printf(
                        "%-52s %12.2f  %s%n",
                        "theory point, classification " + loss.key() + ", " + kind + ", d=1000 [µs]",
                        KernelBenchmark.theoryMicros(p, loss == Loss.SQUARE ? 2000 : 100),
                        "target <= 1000 µs");
            }
        }
    }

    /** Exact vs direct sampler per run, and a cell's independence of n under the cheaper sampler. */
    private void samplerRows(PrintWriter out, int threads) {
        Spectrum p1000 = Spectrum.powerLaw(1000, 1.0);
        Problem ridge = Problem.ridge(p1000, 4000, 0.1, 1, 0.5, 1e-3);
        Problem rp = Problem.randomProjection(Spectrum.powerLaw(500, 1.0), 2000, 1000, 0.1, 1, 0.5, 1e-3);
        int runs = Math.max(2, reps);
        double ridgeDirect = KernelBenchmark.secondsPerRun(ridge, Sampler.DIRECT, runs);
        double ridgeExact = KernelBenchmark.secondsPerRun(ridge, Sampler.EXACT, runs);
        double rpDirect = KernelBenchmark.secondsPerRun(rp, Sampler.DIRECT, runs);
        double rpExact = KernelBenchmark.secondsPerRun(rp, Sampler.EXACT, runs);
        int cellRuns = 10 * threads;
        SimulationResult small = KernelBenchmark.cell(200, 2_000, cellRuns, threads);
        SimulationResult large = KernelBenchmark.cell(200, 2_000_000, cellRuns, threads);
        out.printf(
                "%-52s %12.1f  %s%n", "ridge d=1000 n=4000, direct sampler [ms/run]", ridgeDirect * 1e3, "one thread");
        out.printf(
                "%-52s %12.1f  %s%n",
                "ridge d=1000 n=4000, exact sampler [ms/run]",
                ridgeExact * 1e3,
                String.format("%.1fx faster (target >= 3x)", ridgeDirect / ridgeExact));
        out.printf(
                "%-52s %12.1f  %s%n", "rp d=500 n=2000 m=1000, direct sampler [ms/run]", rpDirect * 1e3, "one thread");
        out.printf(
                "%-52s %12.1f  %s%n",
                "rp d=500 n=2000 m=1000, exact sampler [ms/run]",
                rpExact * 1e3,
                String.format("%.1fx faster (target >= 2x)", rpDirect / rpExact));
        out.printf(
                "%-52s %12.3f  %s%n",
                "cell ridge d=200 n=2,000: " + cellRuns + " runs [s]", small.seconds(), "auto sampler");
        out.printf(
                "%-52s %12.3f  %s%n",
                "cell ridge d=200 n=2,000,000: " + cellRuns + " runs [s]",
                large.seconds(),
                String.format("%.2fx the n=2,000 cell (target <= 1.5x)", large.seconds() / small.seconds()));
    }

    private void printServe(PrintWriter out) {
        ServerBenchmark.CurveTiming curve = serverCurve();
        if (curve != null) {
            out.printf(
                    "%-52s %12.2f  %s%n",
                    "serve: 200-point theory curve, d=1000, server [ms]",
                    curve.serverMedianMs(),
                    String.format("median of %d (best %.2f); target <= 5 ms", curve.reps(), curve.serverBestMs()));
            out.printf(
                    "%-52s %12.2f  %s%n",
                    "serve: same, server CPU time [ms]",
                    curve.serverCpuMedianMs(),
                    "median; wall minus this = waiting for a core");
            out.printf(
                    "%-52s %12.2f  %s%n",
                    "serve: same, HTTP round trip on loopback [ms]",
                    curve.roundTripMedianMs(),
                    "median, includes JSON transfer");
        }
    }

    private ServerBenchmark.CurveTiming serverCurve() {
        try {
            return ServerBenchmark.theoryCurve(1000, 200, 50);
        } catch (Exception e) {
            spec.commandLine().getErr().println("collapselab bench: serve benchmark skipped: " + e.getMessage());
            return null;
        }
    }
}
