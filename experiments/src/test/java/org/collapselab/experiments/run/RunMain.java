package org.collapselab.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.Workflows;

/** Child process for the kill -9 and concurrency tests: {@code run FILE OUT} without figures, exit code as given. */
public final class RunMain {
  private RunMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(Workflows.run(Path.of(args[0]), Path.of(args[1]), 2, false, null, null, List.of(), false, 5, false,
        null, System.out, System.err));
  }
}
