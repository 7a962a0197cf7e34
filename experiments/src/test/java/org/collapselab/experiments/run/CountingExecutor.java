package org.collapselab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.collapselab.experiments.study.CellJob;

/** A local engine of two threads that counts the jobs reaching it (for the runner's tests). */
final class CountingExecutor implements SweepExecutor {
    final List<String> computed = new ArrayList<>();
    final LocalSweepExecutor inner = new LocalSweepExecutor(2);

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException {
        jobs.forEach(j -> computed.add(j.key()));
        inner.execute(jobs, onDone);
    }
}
