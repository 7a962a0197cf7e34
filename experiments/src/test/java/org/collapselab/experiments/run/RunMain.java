package org.collapselab.experiments.run;

import java.nio.file.Path;

/** Child process for the kill -9 and concurrency tests: {@code run FILE OUT} without figures, exit code as given. */
public final class RunMain {
    private RunMain() {}

    public static void main(String[] args) throws Exception {
        RunRequest r = RunRequest.of(Path.of(args[0]))
                .withOut(Path.of(args[1]))
                .withThreads(2)
                .withFigures(false)
                .withRows(5);
        System.exit(StudyRuns.run(r, System.err).ok() ? 0 : 1);
    }
}
