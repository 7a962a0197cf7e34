package org.collapselab.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;

/**
 * Runs every job in its own child JVM ({@code java -cp <this class path> ...ProcessSweepExecutor JOB OUT}), for
 * study families whose computations must not share a process (DJL allows one gradient collector per process). It
 * wraps another executor: with the local pool of N threads, N child processes run at once, each with the threads the
 * runner gave its job ({@link CellJob#withThreads}); with a cluster engine, each worker starts the child on its own
 * machine. The job and its result cross the process boundary as serialized files in a temporary folder.
 */
public final class ProcessSweepExecutor implements SweepExecutor {
  private final SweepExecutor inner;

  /** Child processes scheduled by {@code inner} (e.g. a {@link LocalSweepExecutor} of N threads = N processes). */
  public ProcessSweepExecutor(SweepExecutor inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return "processes(" + inner.name() + ")";
  }

  @Override
  public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException {
    List<CellJob> wrapped = new ArrayList<>();
    for (CellJob j : jobs) {
      wrapped.add(new ChildJob(j, javaCommand()));
    }
    inner.execute(wrapped, out -> onDone.accept(new CellOutcome(((ChildJob) out.job()).job(), out.cell(),
        out.failure())));
  }

  /** {@code java} of this JVM with its options (debug agents left out) and class path. */
  public static List<String> javaCommand() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    return cmd;
  }

  /** One job run in a child JVM; computed wherever the wrapping job runs. */
  record ChildJob(CellJob job, List<String> java) implements CellJob {
    private static final long serialVersionUID = 1L;

    @Override
    public String key() {
      return job.key();
    }

    @Override
    public String label() {
      return job.label();
    }

    @Override
    public StoredCell compute() throws Exception {
      Path dir = Files.createTempDirectory("collapselab-cell-");
      try {
        Path in = dir.resolve("job.ser");
        Path out = dir.resolve("cell.ser");
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(in))) {
          o.writeObject(job);
        }
        List<String> cmd = new ArrayList<>(java);
        cmd.add(ProcessSweepExecutor.class.getName());
        cmd.add(in.toString());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
          int code = p.waitFor();
          if (code != 0 || !Files.isRegularFile(out)) {
            throw new IllegalStateException("child process for cell " + job.label() + " exited with status " + code);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          throw e;
        }
        try (ObjectInputStream i = new ObjectInputStream(Files.newInputStream(out))) {
          Object r = i.readObject();
          if (r instanceof Exception e) {
            throw e;
          }
          return (StoredCell) r;
        }
      } finally {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }

  /**
   * The child side: reads the serialized job from {@code args[0]}, computes it, writes the {@link StoredCell} (or
   * the exception it threw) to {@code args[1]}. Exit status 0 when the outcome was written.
   */
  public static void main(String[] args) throws IOException {
    Object result;
    try (InputStream f = Files.newInputStream(Path.of(args[0])); ObjectInputStream in = new ObjectInputStream(f)) {
      result = ((CellJob) in.readObject()).compute();
    } catch (Exception e) {
      result = e;
    } catch (Throwable t) {
      result = new IllegalStateException(t.toString());
    }
    try (OutputStream f = Files.newOutputStream(Path.of(args[1])); ObjectOutputStream out = new ObjectOutputStream(f)) {
      out.writeObject(result);
    }
    System.exit(0); // native engines may leave non-daemon threads behind
  }
}
