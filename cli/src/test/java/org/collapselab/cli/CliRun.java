package org.collapselab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in this process and captures its exit code, stdout and stderr (for the CLI tests). */
final class CliRun {
    private CliRun() {}

    /** Exit code, stdout and stderr of one invocation. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        CommandLine cl = CollapseLab.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
