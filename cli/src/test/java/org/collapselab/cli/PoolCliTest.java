package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.collapselab.experiments.json.TheoryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verifier and trained-teacher flags of {@code theory} and {@code simulate}: output keys, defaults, bad input. */
class PoolCliTest {
    private static final String[] BASE = {
        "--d", "100", "--n", "1200", "--p2", "0.8333333333333334", "--sigma", "0.5", "--lambda", "0.01"
    };

    private static String[] args(String command, String... more) {
        String[] out = new String[1 + BASE.length + more.length];
        out[0] = command;
        System.arraycopy(BASE, 0, out, 1, BASE.length);
        System.arraycopy(more, 0, out, 1 + BASE.length, more.length);
        return out;
    }

    @Test
    void defaultVerifierFlagsLeaveTheOutputUnchanged() {
        CliRun.Result plain = CliRun.run(args("theory", "--json"));
        CliRun.Result explicit = CliRun.run(args(
                "theory",
                "--json",
                "--bad-share",
                "1",
                "--keep-good",
                "1",
                "--keep-bad",
                "1",
                "--synthetic-teacher",
                "none",
                "--c2",
                "1"));
        assertThat(plain.code()).isZero();
        assertThat(explicit.out()).isEqualTo(plain.out());
    }

    @Test
    void verifierAddsItsKeysAndKeepsTheOldOnes() throws Exception {
        JsonNode plain =
                TheoryJson.MAPPER.readTree(CliRun.run(args("theory", "--json")).out());
        CliRun.Result r =
                CliRun.run(args("theory", "--json", "--bad-share", "0.5", "--keep-good", "0.9", "--keep-bad", "0.2"));
        assertThat(r.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        plain.fieldNames().forEachRemaining(k -> assertThat(j.has(k)).as(k).isTrue());
        assertThat(j.get("keepBad").asDouble()).isEqualTo(0.2);
        assertThat(j.get("keptRows").asDouble()).isCloseTo(550, within(1e-9));
        assertThat(j.get("effectiveBadShare").asDouble()).isCloseTo(100.0 / 750, within(1e-12));
        assertThat(j.get("studentTestError").asDouble())
                .isEqualTo(j.get("testError").asDouble());
        assertThat(j.get("testError").asDouble()).isCloseTo(0.0723494, within(1e-6));
    }

    @Test
    void teacherReportsItsOwnErrorAndTheStudents() throws Exception {
        CliRun.Result r = CliRun.run(
                "theory",
                "--d",
                "100",
                "--n",
                "2200",
                "--p2",
                "0.9090909090909091",
                "--sigma",
                "0.5",
                "--lambda",
                "0.01",
                "--spectrum",
                "power:1",
                "--synthetic-teacher",
                "ridge:150:1",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("syntheticTeacher").asText()).isEqualTo("ridge:150:1.0");
        assertThat(j.get("teacherTestError").asDouble()).isCloseTo(0.266476, within(1e-6));
        assertThat(j.get("studentTestError").asDouble()).isCloseTo(0.235848, within(1e-6));
        CliRun.Result s = CliRun.run(
                "simulate",
                "--d",
                "30",
                "--n",
                "100",
                "--p2",
                "0.5",
                "--sigma",
                "0.5",
                "--lambda",
                "0.01",
                "--synthetic-teacher",
                "rp:60:20:0.01",
                "--runs",
                "6",
                "--seed",
                "2",
                "--threads",
                "1",
                "--json");
        assertThat(s.code()).isZero();
        JsonNode t = TheoryJson.MAPPER.readTree(s.out());
        assertThat(t.get("teacher").get("mean").asDouble()).isPositive();
        assertThat(t.get("theory").get("teacherTestError").asDouble()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--bad-share 1.2 | collapselab theory: --bad-share must be in [0, 1], got 1.2",
                "--keep-good -0.1 | collapselab theory: --keep-good must be in [0, 1], got -0.1",
                "--keep-bad NaN | collapselab theory: --keep-bad must be in [0, 1], got NaN",
                "--synthetic-teacher ridge:0:1 | collapselab theory: --synthetic-teacher must be ridge:NS:LAMS or rp:NS:MS:LAMS "
                        + "(NS, MS integers >= 1, LAMS >= 0), got ridge:0:1",
                "--synthetic-teacher mlp:3 | collapselab theory: --synthetic-teacher must be ridge:NS:LAMS or rp:NS:MS:LAMS (NS, "
                        + "MS integers >= 1, LAMS >= 0), got mlp:3",
                "--synthetic-teacher ridge:100:0.1 --c2 0.5 | collapselab theory: --c2 must be absent with a synthetic teacher "
                        + "(the teacher's own error sets the shift: contradictory), got 0.5",
                "--keep-bad 0.5 --estimator prior | collapselab theory: --estimator must be mix with a verifier (a prior has no "
                        + "synthetic rows), got prior",
                "--growth 2 | collapselab theory: --growth must be 1 without generations (it shapes a retraining loop), got 2.0",
                "--generations 2 --growth 0 | collapselab theory: --growth must be in (0, 10.0], got 0.0",
                "--generations 2 --correction 1.5 | collapselab theory: --correction must be in [0, 1], got 1.5",
                "--accept-band 1 | collapselab theory: --accept-band must be R:SIGMA_C with R, SIGMA_C finite and >= 0, got 1",
                "--accept-model truth | collapselab theory: --accept-model must be given only with an accept band, got truth",
                "--accept-band 0:1 --accept-model ridge:0:1 | collapselab theory: --accept-model must be truth, ridge:NC:LAMC or "
                        + "rp:NC:MC:LAMC, got ridge:0:1",
                "--accept-band 0:1 --keep-good 0.5 | collapselab theory: --keep-good must be 1 with an accept band (the band "
                        + "decides which rows are kept), got 0.5",
            })
    void badInputIsOneLineAndExitTwo(String flags, String message) {
        CliRun.Result r = CliRun.run(args("theory", flags.trim().split(" ")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo(message);
    }

    @Test
    void adviseAnswersWhetherTheVerifierPays() throws Exception {
        CliRun.Result r = CliRun.run(
                "advise",
                "--d",
                "60",
                "--n1",
                "120",
                "--n2",
                "1500",
                "--sigma",
                "0.5",
                "--c2",
                "1",
                "--verifier",
                "1,0",
                "--bad-share",
                "0.5",
                "--keep",
                "600",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("pays").asBoolean()).isTrue();
        assertThat(j.get("verifier").get("keepRate").asDouble()).isEqualTo(0.5);
        assertThat(j.get("generate").get("expected").asDouble()).isEqualTo(1200);
        assertThat(j.get("verified").get("generated").asLong()).isEqualTo(1500);
        CliRun.Result table = CliRun.run(
                "advise",
                "--d",
                "60",
                "--n1",
                "120",
                "--n2",
                "1500",
                "--sigma",
                "0.5",
                "--c2",
                "1",
                "--verifier",
                "0.6,0.6",
                "--bad-share",
                "0.5");
        assertThat(table.out()).contains("the verifier does not pay").contains("to keep");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--verifier 0.5 | collapselab advise: --verifier must be two probabilities PHI,PSI in [0, 1], got [0.5]",
                "--verifier 1.2,0.1 | collapselab advise: --verifier must be two probabilities PHI,PSI in [0, 1], got 1.2,0.1",
                "--verifier 0.9,0.1 --bad-share 2 | collapselab advise: --bad-share must be in [0, 1], got 2.0",
                "--bad-share 0.5 | collapselab advise: --bad-share must be given only with --verifier, got 0.5",
            })
    void adviseBadVerifierInput(String flags, String message) {
        String[] base = {"advise", "--d", "20", "--n1", "50", "--n2", "100", "--c2", "1"};
        String[] extra = flags.trim().split(" ");
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        CliRun.Result r = CliRun.run(all);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo(message);
    }

    @Test
    void loopsStateWhereTheoryHolds() throws Exception {
        CliRun.Result grown = CliRun.run(
                "theory",
                "--d",
                "30",
                "--n",
                "80",
                "--p2",
                "0.5",
                "--sigma",
                "0.5",
                "--generations",
                "3",
                "--growth",
                "1.5",
                "--correction",
                "0.2",
                "--json");
        assertThat(grown.code()).isZero();
        JsonNode g = TheoryJson.MAPPER.readTree(grown.out());
        assertThat(g.get("growth").asDouble()).isEqualTo(1.5);
        assertThat(g.get("correction").asDouble()).isEqualTo(0.2);
        assertThat(g.get("basis").asText()).contains("growth 1.5").contains("correction 0.2");
        CliRun.Result band =
                CliRun.run("theory", "--d", "30", "--n", "80", "--p2", "0.5", "--accept-band", "0:1", "--json");
        assertThat(band.code()).isEqualTo(1);
        assertThat(TheoryJson.MAPPER
                        .readTree(band.out())
                        .get("theoryUnavailable")
                        .asText())
                .startsWith("simulation only: the accept band");
        CliRun.Result sim = CliRun.run(
                "simulate",
                "--d",
                "20",
                "--n",
                "80",
                "--p2",
                "0.5",
                "--c2",
                "4",
                "--sigma",
                "0.5",
                "--lambda",
                "0.01",
                "--generations",
                "2",
                "--fresh-real",
                "0.5",
                "--accept-band",
                "0:1.5",
                "--runs",
                "4",
                "--threads",
                "1",
                "--json");
        assertThat(sim.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(sim.out());
        assertThat(j.get("acceptModel").asText()).isEqualTo("truth");
        assertThat(j.get("theoryUnavailable").asText()).startsWith("simulation only");
        assertThat(j.get("generations")).hasSize(3);
    }
}
