package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collapselab export DIR --format csv|json}: the result database as a tidy table, one row per cell. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a result database as a tidy table (one row per cell: configuration and results",
            "flattened into columns)."
        })
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder holding results.db, or a .db file.")
    Path dir;

    @Option(names = "--format", paramLabel = "csv|json", description = "Table format (default: ${DEFAULT-VALUE}).")
    String format = "csv";

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's cells.")
    String experiment;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Output file (default: DIR/results.FORMAT; '-' for standard output).")
    String output;

    @Override
    public Integer call() throws Exception {
        if (output != null && !output.equals("-")) {
            OutputPaths.file("output", java.nio.file.Path.of(output), true);
        }
        return Workflows.export(dir, format, experiment, output, System.out, System.err);
    }
}
