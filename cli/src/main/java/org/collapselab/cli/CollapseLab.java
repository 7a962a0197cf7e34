package org.collapselab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapselab} command: subcommands for theory, simulation, sweeps, figures and benchmarks. */
@Command(name = "collapselab", mixinStandardHelpOptions = true, version = "collapselab 0.1.0",
    description = "Measure and predict strong model collapse (Dohmatob et al., ICLR 2025).",
    subcommands = {TheoryCommand.class, SimulateCommand.class, AdviseCommand.class, RunCommand.class, ExportCommand.class,
        ReproduceCommand.class, BenchCommand.class, WorkerCommand.class, ServeCommand.class, DiagnoseCommand.class,
        CommandLine.HelpCommand.class})
public final class CollapseLab {
  /** Held so the JDK keeps the level (loggers are weakly referenced). */
  private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

  private CollapseLab() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests). */
  public static int run(String... args) {
    NETLIB_LOG.setLevel(Level.WARNING);
    return newCommandLine().execute(args);
  }

  /** The configured picocli command line: one-line errors, no stack traces. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CollapseLab());
    cl.setParameterExceptionHandler(Errors::onParameterError);
    cl.setExecutionExceptionHandler(Errors::onExecutionError);
    return cl;
  }
}
