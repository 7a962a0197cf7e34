package org.collapselab.experiments.spec;

import java.util.List;

/**
 * An experiment file failed validation. {@link #errors()} has one line per problem, each naming the file, the
 * field, the value and what is allowed; the CLI prints them all and exits non-zero.
 */
public class ExperimentFileException extends RuntimeException {
  private final List<String> errors;

  public ExperimentFileException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** One line per error. */
  public List<String> errors() {
    return errors;
  }
}
