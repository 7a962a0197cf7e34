package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exact exit codes and messages of run, export, reproduce and theory (the one table in ExitCodes). */
class ExitCodeTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    /** Runs the command line capturing picocli's writers and System.out/err (workflows print there). */
    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = CollapseLab.newCommandLine();
            cl.setErr(new PrintWriter(cliErr, true));
            int code = cl.execute(args);
            return new Result(
                    code, out.toString(StandardCharsets.UTF_8), cliErr + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path gaussian() throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(
                f,
                "name: g\ncompute: theory\nfixed: {d: 10, sigma: 1, lambda: 0.1, p2: 0.1, c2: 1}\n"
                        + "sweep: {n: [20, 40, 80, 160]}\n");
        return f;
    }

    @Test
    void runBadInputExitsTwoWithOneLine() throws Exception {
        Path missing = dir.resolve("missing.yaml");
        assertThat(run("run", missing.toString()))
                .isEqualTo(new Result(2, "", missing + ": cannot read: no such file\n"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: b\nkind: nope\n");
        // Every family on the class path is listed (this module sees them all); the core ones must be there.
        String kinds = String.join(
                ", ",
                org.collapselab.experiments.study.StudyFamilies.available().keySet());
        assertThat(kinds).contains("gaussian", "image", "lm", "twosource");
        assertThat(run("run", bad.toString()).err())
                .isEqualTo(bad + ": kind: got 'nope'; allowed: one of " + kinds + " (or omit it for gaussian)\n");
        String g = gaussian().toString();
        assertThat(run("run", g, "--shard", "3/2"))
                .isEqualTo(new Result(
                        2, "", "collapselab run: --shard must be k/N with N >= 1 and 0 <= k < N, got 3/2\n"));
        assertThat(run("run", g, "--threads", "0"))
                .isEqualTo(new Result(2, "", "collapselab run: --threads must be an integer in [1, 1024], got 0\n"));
        Path nodb = dir.resolve("none.db");
        assertThat(run("run", g, "--out", dir.resolve("o").toString(), "--merge", nodb.toString()))
                .isEqualTo(new Result(
                        2, "", "collapselab run: --merge must be an existing result database, got " + nodb + "\n"));
        assertThat(run("run", g, "--engine", "spark").code()).isEqualTo(2);
    }

    @Test
    void runPlanComputesNothingAndShardsSplitTheCells() throws Exception {
        String g = gaussian().toString();
        String out = dir.resolve("o").toString();
        Result all = run("run", g, "--out", out, "--plan");
        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("cells: 4\nin store: 0\nshard 0/1 owns: 4\nto compute: 4\n");
        Result s0 = run("run", g, "--out", out, "--plan", "--shard", "0/2");
        Result s1 = run("run", g, "--out", out, "--plan", "--shard", "1/2");
        int owned0 = Integer.parseInt(s0.out().replaceAll("(?s).*shard 0/2 owns: (\\d+).*", "$1"));
        int owned1 = Integer.parseInt(s1.out().replaceAll("(?s).*shard 1/2 owns: (\\d+).*", "$1"));
        assertThat(owned0 + owned1).isEqualTo(4);
        assertThat(Files.exists(dir.resolve("o").resolve("results.db"))).isTrue();
        Result done = run("run", g, "--out", out, "--no-figures");
        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("g: 4 cells: 4 computed, 0 reused from the database, 0 failed");
        assertThat(run("run", g, "--out", out, "--plan").out()).contains("in store: 4\n", "to compute: 0\n");
    }

    @Test
    void exportAndReproduceBadInputExitTwo() throws Exception {
        assertThat(run("export", dir.toString(), "--format", "xml"))
                .isEqualTo(new Result(2, "", "collapselab export: --format must be csv or json, got xml\n"));
        assertThat(run("export", dir.resolve("nothing").toString()))
                .isEqualTo(new Result(
                        2,
                        "",
                        "collapselab export: DIR must be an output folder containing results.db, or a database file, got "
                                + dir.resolve("nothing") + "\n"));
        assertThat(run("reproduce", "nope", "--out", dir.toString()))
                .isEqualTo(
                        new Result(
                                2,
                                "",
                                "collapselab reproduce: NAME must be all or one of gaussian, universality, twosource, generations, verification, mnist, lm, diagnose-coverage, diagnose-mnist, diagnose-real, classification, forecast, got nope\n"));
        assertThat(run("reproduce", "--threads", "0", "--out", dir.toString()))
                .isEqualTo(new Result(2, "", "collapselab reproduce: --threads must be an integer >= 1, got 0\n"));
    }

    @Test
    void failedComputationsExitOne() throws Exception {
        Path notDb = dir.resolve("x.db");
        Files.writeString(notDb, "not a database, just text that is long enough to be read as a header\n".repeat(20));
        // A file that is not a result database is bad input (exit 2), named, its content never echoed.
        Result r = run("export", notDb.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim())
                .isEqualTo("collapselab export: database must be a Collapse Lab result database, got " + notDb
                        + " (not an SQLite file)");
        Result t = run("theory", "--d", "50", "--n", "50");
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err()).startsWith("collapselab theory: ").contains("interpolation threshold d = n = 50");
    }
}
