package org.collapselab.cli;

import org.collapselab.validation.ParameterException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Turns every user error into one line on stderr and a non-zero exit code: never a stack trace. */
final class Errors {
    /** Exit code for invalid input. */
    static final int USAGE = ExitCodes.INPUT;
    /** Exit code for a well-formed request that cannot be computed (e.g. a divergent theory point). */
    static final int FAILED = ExitCodes.FAILED;

    private Errors() {}

    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr()
                .println("collapselab " + cmd.getCommandName() + ": "
                        + e.getMessage().replace('\n', ' ') + " (see --help)");
        return USAGE;
    }

    /** Every other error: the one table of {@link ExitCodes}. */
    static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof ParameterException p
                && !ExitCodes.flag(p.field()).equals(p.field())
                && cmd.getCommandSpec().findOption(ExitCodes.flag(p.field())) == null) {
            // Not a flag of this command (an internal field such as a vector): never pose as one (e.g. "--delta").
            cmd.getErr()
                    .println("collapselab " + cmd.getCommandName() + ": " + p.field() + " must be " + p.allowed()
                            + ", got " + p.value());
            return ExitCodes.INPUT;
        }
        ExitCodes.lines(cmd.getCommandName(), e).forEach(cmd.getErr()::println);
        return ExitCodes.of(e);
    }
}
