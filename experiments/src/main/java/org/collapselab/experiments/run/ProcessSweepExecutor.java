package org.collapselab.experiments.run;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;

/**
 * Runs jobs in child JVMs ({@code java -cp <this class path> ...ProcessSweepExecutor}), for study families whose
 * computations must not share a process (DJL allows one gradient collector per process). It wraps another executor:
 * with the local pool of N threads, N child processes run at once, each serving that thread's jobs one at a time
 * (started once per run; each job with the threads the runner gave it, {@link CellJob#withThreads}); with a cluster
 * engine, each job starts its own child on the member that runs it. Jobs and results cross the process boundary as
 * serialized files in a temporary folder; the child's stdout carries only the "done" lines. Children never outlive
 * the run: this JVM destroys them when it shuts down, and a child whose parent died exits ({@link CellChild}).
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
            wrapped.add(wrap(j));
        }
        try {
            inner.execute(wrapped, unwrap(onDone));
        } finally {
            Worker.closeAll();
        }
    }

    /** Each job the source hands out runs in a child; with the local pool each worker keeps its child to the end. */
    @Override
    public void execute(JobSource source, Consumer<CellOutcome> onDone) throws InterruptedException {
        try {
            inner.execute(
                    new JobSource() {
                        @Override
                        public CellJob take() throws InterruptedException {
                            CellJob j = source.take();
                            return j == null ? null : wrap(j);
                        }

                        @Override
                        public List<CellJob> takeBatch() throws InterruptedException {
                            return source.takeBatch().stream()
                                    .map(ProcessSweepExecutor.this::wrap)
                                    .toList();
                        }
                    },
                    unwrap(onDone));
        } finally {
            Worker.closeAll();
        }
    }

    // On this machine each pool thread keeps one child JVM for the whole call (JVM and PyTorch start once per child,
    // models still train one at a time per process); on a cluster each job starts its own child where it runs.
    private CellJob wrap(CellJob j) {
        return new ChildJob(j, inner instanceof LocalSweepExecutor);
    }

    private static Consumer<CellOutcome> unwrap(Consumer<CellOutcome> onDone) {
        return out -> onDone.accept(new CellOutcome(((ChildJob) out.job()).job(), out.cell(), out.failure()));
    }

    /** Children of this JVM still running: destroyed when it shuts down (SIGTERM, Ctrl-C, the end of main). */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "collapselab-child-reaper"));
    }

    /** Starts a child and keeps it in {@link #LIVE} until it exits. */
    private static Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
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

    /**
     * One job run in a child JVM; computed wherever the wrapping job runs. It carries data only: the child's command
     * line is built where it runs, from that JVM ({@link #javaCommand()}), never taken from the job.
     */
    record ChildJob(CellJob job, boolean reuse) implements CellJob {
        private static final long serialVersionUID = 2L;

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
            List<String> java = javaCommand();
            Path dir = Files.createTempDirectory("collapselab-cell-");
            try {
                Path in = dir.resolve("job.ser");
                Path out = dir.resolve("cell.ser");
                try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(in))) {
                    o.writeObject(job);
                }
                if (reuse) {
                    Worker.get(java).run(in, out, job.label());
                } else {
                    List<String> cmd = new ArrayList<>(java);
                    cmd.add(CellChild.class.getName());
                    cmd.add(in.toString());
                    cmd.add(out.toString());
                    Process p = start(new ProcessBuilder(cmd)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.INHERIT));
                    try {
                        int code = p.waitFor();
                        if (code != 0 || !Files.isRegularFile(out)) {
                            throw new IllegalStateException(
                                    "child process for cell " + job.label() + " exited with status " + code);
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                        throw e;
                    }
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

    /** A child JVM serving one job at a time for one pool thread: job and result files named on its stdin. */
    static final class Worker {
        private static final ThreadLocal<Worker> MINE = new ThreadLocal<>();
        private static final List<Worker> ALL = new ArrayList<>();
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.Writer in;

        private Worker(List<String> command) throws IOException {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(CellChild.class.getName());
            cmd.add(CellChild.SERVE);
            process = start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT));
            out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            in = new java.io.OutputStreamWriter(process.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        }

        static Worker get(List<String> command) throws IOException {
            Worker w = MINE.get();
            if (w == null || !w.process.isAlive()) {
                w = new Worker(command);
                MINE.set(w);
                synchronized (ALL) {
                    ALL.add(w);
                }
            }
            return w;
        }

        void run(Path job, Path result, String label) throws IOException {
            in.write(job + "\t" + result + "\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(CellChild.DONE)) {
                    return;
                }
            }
            MINE.remove();
            throw new IllegalStateException("child process for cell " + label + " ended with status "
                    + (process.isAlive() ? "unknown" : process.exitValue()));
        }

        static void closeAll() {
            synchronized (ALL) {
                for (Worker w : ALL) {
                    try {
                        w.in.close(); // end of input: the child exits
                        if (!w.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                            w.process.destroyForcibly();
                        }
                    } catch (IOException | InterruptedException e) {
                        w.process.destroyForcibly();
                    }
                }
                ALL.clear();
            }
            MINE.remove();
        }
    }
}
