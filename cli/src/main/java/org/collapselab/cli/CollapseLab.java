package org.collapselab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapselab} command: subcommands for theory, simulation, sweeps, figures and benchmarks. */
@Command(
        name = "collapselab",
        mixinStandardHelpOptions = true,
        version = "collapselab 0.1.0",
        description = "Measure and predict strong model collapse (Dohmatob et al., ICLR 2025).")
public final class CollapseLab {
    /** Held so the JDK keeps the level (loggers are weakly referenced). */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    /**
     * The subcommands, in help order. Built on demand: a call names one subcommand, and only that one is
     * instantiated and introspected (picocli reflects over every registered command at start-up, which for
     * {@code theory} would load the sweep, neural and cluster commands for nothing).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("theory", TheoryCommand::new);
        SUBCOMMANDS.put("simulate", SimulateCommand::new);
        SUBCOMMANDS.put("advise", AdviseCommand::new);
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("export", ExportCommand::new);
        SUBCOMMANDS.put("reproduce", ReproduceCommand::new);
        SUBCOMMANDS.put("bench", BenchCommand::new);
        SUBCOMMANDS.put("worker", WorkerCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("diagnose", DiagnoseCommand::new);
        SUBCOMMANDS.put("forecast", ForecastCommand::new);
    }

    private CollapseLab() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        NETLIB_LOG.setLevel(Level.WARNING);
        return newCommandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /** The configured picocli command line with every subcommand: one-line errors, no stack traces. */
    public static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /**
     * The command line for a call whose first argument is {@code first}: only that subcommand when it names one,
     * every subcommand otherwise (top-level help, {@code help CMD}, errors listing the commands).
     */
    static CommandLine newCommandLine(String first) {
        CommandLine cl = new CommandLine(new CollapseLab());
        boolean one = first != null && SUBCOMMANDS.containsKey(first);
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(first)) {
                cl.addSubcommand(e.getKey(), e.getValue().get());
            }
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setParameterExceptionHandler(Errors::onParameterError);
        cl.setExecutionExceptionHandler(Errors::onExecutionError);
        return cl;
    }
}
