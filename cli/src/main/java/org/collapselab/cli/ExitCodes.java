package org.collapselab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.InputProblem;
import org.collapselab.validation.ParameterException;

/**
 * The one table from exceptions to exit codes and messages, used by every command (the CLI's error handler and the
 * {@code reproduce} loop): 0 success; {@value #INPUT} bad input (a flag, a study file, a missing data file: fix the
 * input); {@value #FAILED} a well-formed request whose computation failed or diverged (theory at an interpolation
 * threshold, failed cells, an unreadable result database). Messages are one line each and never a stack trace:
 *
 * <ul>
 *   <li>{@link ParameterException}: {@code collapselab CMD: --flag must be ALLOWED, got VALUE} (2)
 *   <li>{@link StudyFileException}: its lines {@code FILE: FIELD: got V; allowed: A}, as they are (2)
 *   <li>{@link InputProblem} and other {@link IllegalArgumentException}s: {@code collapselab CMD: MESSAGE} (2)
 *   <li>{@link TheoryException}: {@code collapselab CMD: MESSAGE} (1)
 *   <li>{@link StoreException}, I/O and state errors, {@link InterruptedException}: {@code collapselab CMD: ...} (1)
 *   <li>anything else: {@code collapselab CMD: internal error: ...} (1)
 * </ul>
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A well-formed request that could not be computed. */
    public static final int FAILED = 1;
    /** Invalid input. */
    public static final int INPUT = 2;

    private ExitCodes() {}

    /** The exit code for an exception. */
    public static int of(Throwable e) {
        if (e instanceof TheoryException) {
            return FAILED;
        }
        if (e instanceof StudyFileException || e instanceof InputProblem || e instanceof IllegalArgumentException) {
            return INPUT;
        }
        return FAILED;
    }

    /** The message lines for an exception raised by {@code command}. */
    public static List<String> lines(String command, Throwable e) {
        String prefix = "collapselab " + command + ": ";
        List<String> out = new ArrayList<>();
        if (e instanceof StudyFileException f) {
            out.addAll(f.errors());
        } else if (e instanceof ParameterException p) {
            out.add(prefix + flag(p.field()) + " must be " + p.allowed() + ", got " + p.value());
        } else if (e instanceof InterruptedException) {
            out.add(prefix + "interrupted; finished cells are saved, run again to resume");
        } else if (e instanceof IllegalArgumentException
                || e instanceof InputProblem
                || e instanceof StoreException
                || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalStateException) {
            out.add(prefix + e.getMessage());
        } else {
            out.add(prefix + "internal error: " + e + " (please report it with the command line used)");
        }
        return out;
    }

    /** The CLI flag for a parameter field: camelCase becomes kebab-case ({@code freshReal} → {@code --fresh-real}). */
    public static String flag(String field) {
        if (field.startsWith("--") || field.equals(field.toUpperCase(Locale.ROOT))) {
            return field; // a flag already, or a positional parameter such as FILE or DIR
        }
        return "--" + ProblemFlags.flagName(field);
    }
}
