package org.collapselab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.experiments.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collapselab run FILE.yaml}: runs (or resumes) a declarative sweep and draws its figures. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run an experiment file: expand the grid, compute theory and/or simulation per cell in parallel,",
        "store every finished cell at once in OUT/results.db (re-running resumes), draw the figures and print a",
        "summary table. Ready-made files for the paper's figures are in studies/."})
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Experiment file (YAML).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/NAME).")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quick", description = "Apply the file's quick: overrides (fewer points and runs).")
  boolean quick;

  @Option(names = "--shard", paramLabel = "k/N",
      description = "Compute only shard k of N (by cell key; run N processes or machines, then --merge).")
  String shard;

  @Option(names = "--db", paramLabel = "FILE", description = "Result database (default: OUT/results.db).")
  Path db;

  @Option(names = "--merge", paramLabel = "DB", arity = "1..*",
      description = "Merge these databases (e.g. from shards) into the result database before running.")
  List<Path> merge = new ArrayList<>();

  @Option(names = "--no-figures", description = "Do not draw the figures.")
  boolean noFigures;

  @Option(names = "--rows", paramLabel = "N", description = "Rows of the summary table (default: ${DEFAULT-VALUE}).")
  int rows = 40;

  @Override
  public Integer call() {
    return Workflows.run(file, out, threads, quick, shard, db, merge, !noFigures, rows, System.out, System.err);
  }
}
