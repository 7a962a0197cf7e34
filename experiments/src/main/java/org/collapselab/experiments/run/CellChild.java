package org.collapselab.experiments.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.collapselab.experiments.study.CellJob;

/**
 * The child side of {@link ProcessSweepExecutor}: computes serialized {@link CellJob}s and writes their outcome, either
 * one job ({@code JOB_FILE RESULT_FILE}) or, with {@code --serve}, one job per line of stdin ({@code JOB\tRESULT}),
 * answering each with a "done" line on stdout. A child never outlives its run: it halts when its parent process is
 * gone (checked every {@link #WATCH_MILLIS} ms; covers kill -9 of the parent) and when its stdin closes while it is
 * computing (the parent stopped waiting).
 */
public final class CellChild {
    static final String SERVE = "--serve";
    static final String DONE = "collapselab-cell-done";
    /** How often a child checks that its parent is alive. */
    static final long WATCH_MILLIS = 500;
    /** Exit status of a child that stopped because its parent died or hung up. */
    static final int ORPHANED = 3;

    private CellChild() {}

    /** Runs one job, or serves jobs from stdin with {@code --serve}. Exit status 0 when every outcome was written. */
    public static void main(String[] args) throws IOException, InterruptedException {
        exitWithParent();
        if (args.length == 1 && args[0].equals(SERVE)) {
            serve();
        } else {
            runOne(args[0], args[1]);
        }
        System.exit(0); // native engines may leave non-daemon threads behind
    }

    private static void serve() throws IOException, InterruptedException {
        PrintStream protocol = Protocol.OUT;
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        AtomicBoolean busy = new AtomicBoolean();
        String end = "\u0000end";
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            commands.add(line);
                        }
                    } catch (IOException e) {
                        // as end of input
                    }
                    if (busy.get()) {
                        Runtime.getRuntime().halt(ORPHANED); // hung up on while computing: nobody will read the result
                    }
                    commands.add(end);
                },
                "collapselab-child-stdin");
        reader.setDaemon(true);
        reader.start();
        for (String line = commands.take(); !line.equals(end); line = commands.take()) {
            busy.set(true);
            String[] f = line.split("\t");
            runOne(f[0], f[1]);
            busy.set(false);
            protocol.println(DONE);
            protocol.flush();
        }
    }

    /** A daemon thread that halts this JVM as soon as the process that started it is gone. */
    private static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watch = new Thread(
                () -> {
                    try {
                        while (parent.isAlive()) {
                            Thread.sleep(WATCH_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().halt(ORPHANED);
                },
                "collapselab-child-watchdog");
        watch.setDaemon(true);
        watch.start();
    }

    /** The protocol channel (the real stdout); anything else the job prints goes to stderr. */
    private static final class Protocol {
        static final PrintStream OUT = System.out;

        static {
            System.setOut(System.err);
        }
    }

    private static void runOne(String jobFile, String resultFile) throws IOException {
        Object result;
        try (InputStream f = Files.newInputStream(Path.of(jobFile))) {
            result = ShippedClasses.read(f, CellJob.class).compute();
        } catch (Exception e) {
            result = e;
        } catch (Throwable t) {
            result = new IllegalStateException(t.toString());
        }
        try (OutputStream f = Files.newOutputStream(Path.of(resultFile));
                ObjectOutputStream out = new ObjectOutputStream(f)) {
            out.writeObject(result);
        }
    }
}
