package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hostile corpus (src/test/resources/hostile, made by its generate.py): study files a careless user or an
 * attacker could write, and flag combinations. Each must exit 2 within seconds with one line on stderr naming the
 * file or flag, no stack trace, and a bounded heap. Runs in-process through the picocli command line. A summary of
 * the outcomes is printed at the end.
 */
class HostileCorpusTest {
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("hostile.timeoutSeconds", 10));
    /** Heap a single case may add at its peak (sum over heap pools, above their use when the case starts). */
    private static final long MAX_HEAP_BYTES = 1L << 30;

    private static final Map<String, List<String>> OUTCOMES = new TreeMap<>();

    @TempDir
    static Path tmp;

    record Outcome(int code, String out, String err) {}

    @TestFactory
    Stream<DynamicTest> studyFiles() throws Exception {
        Path res = resources();
        List<Path> files;
        try (Stream<Path> s = Files.list(res.resolve("studies"))) {
            files = s.sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path dir = Files.createTempDirectory(tmp, "case");
                byte[] bytes = Files.readAllBytes(f);
                Path copy = dir.resolve(name);
                Files.write(copy, replace(bytes, "{res}", res.toString()));
                List<String> args = new ArrayList<>(List.of(
                        "run", copy.toString(), "--out", dir.resolve("out").toString(), "--no-figures"));
                if (name.startsWith("quick-")) {
                    args.add("--quick");
                }
                check(name, args.toArray(new String[0]), List.of(copy.toString()));
            }));
        }
        // Generated here rather than kept (large): a 50 MB quoted string and a 3 MB file of comments.
        tests.add(DynamicTest.dynamicTest("huge-string.yaml", () -> {
            Path dir = Files.createTempDirectory(tmp, "case");
            Path f = dir.resolve("huge-string.yaml");
            Files.writeString(f, "name: \"" + "x".repeat(50_000_000) + "\"\n");
            check(
                    "huge-string.yaml",
                    new String[] {"run", f.toString(), "--out", dir.toString()},
                    List.of(f.toString()));
        }));
        tests.add(DynamicTest.dynamicTest("huge-comments.yaml", () -> {
            Path dir = Files.createTempDirectory(tmp, "case");
            Path f = dir.resolve("huge-comments.yaml");
            Files.writeString(f, "name: h\n" + "# padding padding padding padding\n".repeat(100_000));
            check(
                    "huge-comments.yaml",
                    new String[] {"run", f.toString(), "--out", dir.toString()},
                    List.of(f.toString()));
        }));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> flagCases() throws Exception {
        Path res = resources();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(res.resolve("flags.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(line, () -> {
                Path dir = Files.createTempDirectory(tmp, "case");
                String[] args = split(line.replace("{res}", res.toString()).replace("{tmp}", dir.toString()));
                // The message must name the command, or one of the flags or paths given.
                List<String> names = new ArrayList<>(List.of("collapselab " + args[0] + ": "));
                for (String a : args) {
                    if (a.startsWith("--")) {
                        names.add(a.substring(2));
                    } else if (a.contains("/")) {
                        names.add(a);
                    }
                }
                check(line, args, names);
            }));
        }
        return tests.stream();
    }

    /**
     * Runs one case and asserts exit 2, a bounded time and heap, no stack trace, and a message of one line per
     * problem found (a study file's errors are all listed at once), each naming the file or one of the flags given.
     */
    private static void check(String id, String[] args, List<String> names) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long base = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        AtomicReference<Outcome> result = new AtomicReference<>();
        String verdict = "clean";
        try {
            assertTimeoutPreemptively(LIMIT, () -> result.set(invoke(args)));
        } catch (Throwable t) {
            if (result.get() == null) {
                record(t instanceof org.opentest4j.AssertionFailedError ? "hang" : "crash", id);
                throw t;
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - base;
        Outcome o = result.get();
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        boolean stack = o.err().contains("\tat ")
                || o.err().contains("Exception in thread")
                || o.err().contains("OutOfMemoryError")
                || o.err().contains("StackOverflowError");
        if (stack) {
            verdict = "stack trace";
        } else if (o.err().contains("hunter2") || o.err().contains("root:x:")) {
            verdict = "echoes content"; // spectra/secret.txt and /etc/passwd must be named, never quoted
        } else if (o.code() != 2) {
            verdict = "exit " + o.code();
        } else if (lines.isEmpty()) {
            verdict = "no message";
        } else if (!lines.stream().allMatch(l -> names.stream().anyMatch(l::contains))) {
            verdict = "unnamed";
        } else if (peak > MAX_HEAP_BYTES) {
            verdict = "memory";
        }
        record(verdict, id + " -> " + (lines.isEmpty() ? "" : lines.get(0)));
        assertThat(verdict)
                .as(id + "\nexit " + o.code() + "\nstderr:\n" + o.err() + "\npeak heap " + (peak >> 20) + " MB")
                .isEqualTo("clean");
    }

    private static Outcome invoke(String[] args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(po);
        System.setErr(pe);
        int code;
        try {
            CommandLine cl = CollapseLab.newCommandLine();
            cl.setOut(new PrintWriter(po, true));
            cl.setErr(new PrintWriter(pe, true));
            code = cl.execute(args);
        } catch (Throwable t) {
            t.printStackTrace(pe);
            code = -1;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static synchronized void record(String verdict, String id) {
        OUTCOMES.computeIfAbsent(verdict, k -> new ArrayList<>()).add(id);
    }

    @AfterAll
    static void summary() {
        int total = OUTCOMES.values().stream().mapToInt(List::size).sum();
        StringBuilder sb = new StringBuilder("hostile corpus: " + total + " cases\n");
        OUTCOMES.forEach((k, v) -> sb.append(String.format("  %-14s %d%n", k, v.size())));
        OUTCOMES.forEach((k, v) -> {
            if (!k.equals("clean")) {
                v.forEach(id -> sb.append("  [")
                        .append(k)
                        .append("] ")
                        .append(id.length() > 300 ? id.substring(0, 300) : id)
                        .append('\n'));
            }
        });
        System.out.print(sb);
        try {
            Files.writeString(Path.of("target", "hostile-summary.txt"), sb.toString());
        } catch (java.io.IOException e) {
            // the summary is informative only
        }
    }

    private static Path resources() throws URISyntaxException {
        return Path.of(HostileCorpusTest.class.getResource("/hostile/flags.txt").toURI())
                .getParent();
    }

    /** Splits on spaces; single quotes group (e.g. {@code 'a b'}, {@code ''}). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out.toArray(new String[0]);
    }

    private static byte[] replace(byte[] data, String from, String to) {
        String latin = new String(data, StandardCharsets.ISO_8859_1);
        if (!latin.contains(from)) {
            return data;
        }
        return latin.replace(from, new String(to.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
