package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell's child JVM never outlives the run that started it: kill -9 or SIGTERM of the parent ends it too. */
@Tag("fault")
class ChildLifetimeTest {
    @TempDir
    Path dir;

    /** A job that writes its process id to {@code marker} and then computes for a long time. */
    record LongJob(String marker) implements CellJob {
        @Override
        public String key() {
            return "long";
        }

        @Override
        public StoredCell compute() throws Exception {
            Files.writeString(
                    Path.of(marker), Long.toString(ProcessHandle.current().pid()));
            Thread.sleep(600_000);
            return StoredCell.now("long", "t", "{}", "{}", 600);
        }
    }

    /** The parent: runs {@link LongJob} in a served child (as the runner does for isolated studies). */
    public static void main(String[] args) throws Exception {
        new ProcessSweepExecutor(new LocalSweepExecutor(1)).execute(List.of(new LongJob(args[0])), out -> {});
    }

    @Test
    void killNineOfTheParentEndsTheChildWithinSeconds() throws Exception {
        checkChildEnds(true);
    }

    @Test
    void sigtermOfTheParentEndsTheChildWithinSeconds() throws Exception {
        checkChildEnds(false);
    }

    private void checkChildEnds(boolean kill) throws Exception {
        Path marker = dir.resolve(kill ? "kill.pid" : "term.pid");
        List<String> cmd = new ArrayList<>(ProcessSweepExecutor.javaCommand());
        cmd.add(ChildLifetimeTest.class.getName());
        cmd.add(marker.toString());
        ProcessHandle child = null;
        Process parent = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("parent.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.isRegularFile(marker) && Files.size(marker) > 0) && System.nanoTime() < deadline) {
                assertThat(parent.isAlive()).as("parent alive; log: %s", log()).isTrue();
                Thread.sleep(100);
            }
            long pid = Long.parseLong(Files.readString(marker).trim());
            child = ProcessHandle.of(pid).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.pid());
            if (kill) {
                parent.destroyForcibly(); // SIGKILL: no shutdown hook runs; the child sees its parent gone (or stdin
                // closed)
            } else {
                parent.destroy(); // SIGTERM: the parent's shutdown hook destroys its children
            }
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (child.isAlive() && System.nanoTime() < gone) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive())
                    .as("child %d still alive 10 s after its parent ended", pid)
                    .isFalse();
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly(); // an orphan (when the test fails) is no longer our descendant
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("parent.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
