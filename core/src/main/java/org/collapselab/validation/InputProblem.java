package org.collapselab.validation;

/**
 * Marks an exception as bad input (e.g. a data file that is missing or malformed): the command line reports it in
 * one line with the exit code for invalid input, like a {@link ParameterException}.
 */
public interface InputProblem {}
