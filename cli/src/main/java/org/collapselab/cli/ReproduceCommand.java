package org.collapselab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collapselab reproduce [NAME...|all] [--quick] [--out DIR]}: regenerates the paper's figures and report. */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        description = {
            "Regenerate the paper's figures (gaussian by default; also universality, twosource, generations, diagnose-coverage, and mnist, lm, diagnose-mnist, diagnose-real from the nn module; classification, forecast; 'all')",
            "and write DIR/report.html with each figure, its parameters and the paper's claims checked against the",
            "measured numbers. Results are kept in DIR/results.db, so re-running resumes."
        })
public final class ReproduceCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "NAME",
            arity = "0..*",
            description =
                    "gaussian, universality, twosource, generations, verification, mnist, lm, diagnose-coverage, diagnose-mnist, diagnose-real, classification, forecast or all (default: gaussian).")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "Reduced grids and runs for a first look.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out");

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder("out", out, true);
        return Workflows.reproduce(names, out, quick, threads, System.out, System.err);
    }
}
