package org.collapselab.cli;

import org.collapselab.validation.ParameterException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Turns every user error into one line on stderr and a non-zero exit code: never a stack trace. */
final class Errors {
  /** Exit code for invalid input. */
  static final int USAGE = 2;
  /** Exit code for a well-formed request that cannot be computed (e.g. a divergent theory point). */
  static final int FAILED = 1;

  private Errors() {}

  /** The CLI flag for a {@link ParameterException} field: camelCase becomes kebab-case ({@code freshReal} → {@code --fresh-real}). */
  static String flag(String field) {
    return "--" + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static int onParameterError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("collapselab " + cmd.getCommandName() + ": " + e.getMessage().replace('\n', ' ')
        + " (see --help)");
    return USAGE;
  }

  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof ParameterException p) {
      // Name the flag only when the command has one (internal fields such as a vector never pose as flags).
      String flag = flag(p.field());
      String name = cmd.getCommandSpec().findOption(flag) != null ? flag : p.field();
      cmd.getErr().println("collapselab " + cmd.getCommandName() + ": " + name + " must be " + p.allowed()
          + ", got " + p.value());
      return USAGE;
    }
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof java.io.IOException || e instanceof IllegalStateException) {
      cmd.getErr().println("collapselab " + cmd.getCommandName() + ": " + e.getMessage());
      return e instanceof IllegalArgumentException ? USAGE : FAILED;
    }
    cmd.getErr().println("collapselab " + cmd.getCommandName() + ": internal error: " + e
        + " (please report it with the command line used)");
    return FAILED;
  }
}
