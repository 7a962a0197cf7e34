package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of long single computations: silent at first, then one line per interval with an estimate. */
class ProgressLineTest {
    @Test
    void quietAtFirstThenOneLineEveryIntervalWithTheTimeLeft() {
        AtomicLong now = new AtomicLong();
        StringWriter out = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(out), "simulate", "generation fits", 100, now::get);
        now.set(2_000_000_000L); // 2 s: still quiet
        p.step();
        assertThat(out.toString()).isEmpty();
        now.set(4_000_000_000L); // 4 s, 2 of 100 done: 196 s left
        p.step();
        assertThat(out.toString().strip())
                .isEqualTo("collapselab simulate: 2 of 100 generation fits, 4 s, about 3 min left");
        now.set(9_000_000_000L); // within the interval: nothing more
        p.step();
        assertThat(out.toString().lines()).hasSize(1);
        now.set(15_000_000_000L);
        p.step();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString().lines().toList().get(1))
                .isEqualTo("collapselab simulate: 4 of 100 generation fits, 15 s, " + "about 6 min left");
    }

    @Test
    void anUnknownTotalShowsTheCountOnly() {
        AtomicLong now = new AtomicLong();
        StringWriter out = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(out), "advise", "theory points (d = 1000000)", -1, now::get);
        now.set(5_000_000_000L);
        p.step();
        assertThat(out.toString().strip()).isEqualTo("collapselab advise: 1 theory points (d = 1000000), 5 s");
    }

    @Test
    void theorySendsToSimulateOnlyWhenSimulateAcceptsTheFlags() {
        String[] base = {
            "theory", "--d", "10", "--n", "40", "--p2", "0.3", "--sigma", "0.5", "--lambda", "0.1", "--generations", "3"
        };
        CliRun.Result prior = CliRun.run(concat(base, "--estimator", "prior"));
        assertThat(prior.code()).isEqualTo(1);
        assertThat(prior.out())
                .contains("simulate does not cover it either (--estimator must be mix with --generations " + "> 0)")
                .doesNotContain("use simulate");
        CliRun.Result weight = CliRun.run(concat(base, "--synthetic-weight", "2"));
        assertThat(weight.out())
                .contains(
                        "simulate does not cover it either (--synthetic-weight must be 1 with " + "--generations > 0)");
        CliRun.Result subsample = CliRun.run(concat(base, "--schedule", "accumulate-subsample"));
        assertThat(subsample.code()).isEqualTo(1);
        assertThat(subsample.out()).contains("; use simulate");
        assertThat(CliRun.run(
                                "simulate",
                                "--d",
                                "10",
                                "--n",
                                "40",
                                "--p2",
                                "0.3",
                                "--sigma",
                                "0.5",
                                "--lambda",
                                "0.1",
                                "--generations",
                                "3",
                                "--schedule",
                                "accumulate-subsample",
                                "--runs",
                                "2")
                        .code())
                .isZero();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
