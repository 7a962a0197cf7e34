package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdviseCommandTest {

    @Test
    void jsonHasTheRecommendationAndBaselines(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run(
                "advise",
                "--d",
                "50",
                "--n1",
                "100",
                "--n2",
                "1000",
                "--sigma",
                "0.5",
                "--c2",
                "0.3",
                "--json",
                "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        JsonNode rec = j.get("recommendation");
        for (String f : new String[] {"syntheticRows", "syntheticWeight", "lambda", "predictedTestError"}) {
            assertThat(rec.has(f)).as(f).isTrue();
        }
        double best = rec.get("predictedTestError").asDouble();
        double realOnly =
                j.get("baselines").get("realOnly").get("predictedTestError").asDouble();
        double all = j.get("baselines")
                .get("useEverything")
                .get("predictedTestError")
                .asDouble();
        assertThat(best).isLessThanOrEqualTo(realOnly).isLessThanOrEqualTo(all).isGreaterThan(0.25);
        assertThat(j.get("gainOverRealOnly").asDouble())
                .isCloseTo(realOnly - best, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Files.size(dir.resolve("advise.png"))).isPositive();
        assertThat(Files.size(dir.resolve("advise.svg"))).isPositive();
    }

    @Test
    void tableNamesTheThreeRecipes() {
        CliRun.Result r = CliRun.run(
                "advise",
                "--model",
                "rp",
                "--widths",
                "20,80",
                "--d",
                "50",
                "--n1",
                "100",
                "--n2",
                "300",
                "--sigma",
                "0.5",
                "--c2",
                "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("advised", "real only", "use everything", "predicted gain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--n1 0|collapselab advise: --n1 must be an integer in [1, 1e12], got 0",
                "--c2 -1|collapselab advise: --c2 must be finite and >= 0, got -1.0",
                "--synthetic-sigma -0.5|collapselab advise: --synthetic-sigma must be finite and >= 0, got -0.5",
                "--widths 10|collapselab advise: --widths must be given only with --model rp, got [10]",
                "--model rp|collapselab advise: --widths must be at least one width m >= 1 for model rp, got none",
                "--model rp --widths 0|collapselab advise: --widths must be integers in [1, 1e12], got 0",
                "--model nn|collapselab advise: --model must be one of ridge, rp, got nn",
                "--signal -2|collapselab advise: --signal must be finite and >= 0, got -2.0",
                "--synthetic-spectrum power:-1|collapselab advise: --synthetic-spectrum must be power:A with A a finite number >= 0, got power:-1.0",
            })
    void badFlagsExitTwoWithOneLine(String extra, String message) {
        String[] base = {"advise", "--d", "20", "--n1", "50", "--n2", "100", "--c2", "1"};
        String[] more = extra.split(" ");
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        // A later duplicate of --n1/--c2 would be rejected by picocli, so bad values replace the defaults instead.
        args = replaceDuplicate(args);
        CliRun.Result r = CliRun.run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingRequiredFlagIsAUsageError() {
        CliRun.Result r = CliRun.run("advise", "--d", "20", "--n1", "50", "--c2", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("collapselab advise: Missing required option: '--n2=N'");
    }

    private static String[] replaceDuplicate(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                if (seen.containsKey(args[i])) {
                    out.set(seen.get(args[i]) + 1, args[i + 1]);
                } else {
                    seen.put(args[i], out.size());
                    out.add(args[i]);
                    out.add(args[i + 1]);
                }
                i++;
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(new String[0]);
    }
}
