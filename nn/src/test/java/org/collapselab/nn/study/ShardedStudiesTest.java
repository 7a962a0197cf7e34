package org.collapselab.nn.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.collapselab.experiments.run.ProcessSweepExecutor;
import org.collapselab.experiments.run.RunRequest;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.nn.image.TestImages;
import org.collapselab.nn.text.TestTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny image study and a tiny language-model study, each run as two shards in two separate processes with their
 * own result databases and then merged, give exactly the results of one local run (timings aside), and the merged
 * plan has nothing left to compute.
 */
@Tag("slow")
@Tag("neural")
class ShardedStudiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A shard process: {@code FILE OUT DB k/N} → {@code collapselab run FILE --out OUT --db DB --shard k/N}. */
    public static void main(String[] args) throws Exception {
        RunRequest r = RunRequest.of(Path.of(args[0]))
                .withOut(Path.of(args[1]))
                .withShard(Shard.parse(args[3]))
                .withDb(Path.of(args[2]))
                .withFigures(false)
                .withRows(10);
        System.exit(StudyRuns.run(r, System.err).ok() ? 0 : 1);
    }

    @Test
    void imageStudyShardedInTwoProcessesMergesToTheLocalResults(@TempDir Path tmp) throws Exception {
        Path toy = TestImages.toyFolder(tmp);
        Path file = tmp.resolve("image.yaml");
        Files.writeString(file, """
        name: tiny-image
        kind: image
        dataset: toy
        data_dir: %s
        runs: 1
        p2: [0, 0.5]
        generator: {samples: 20, width: 16, epochs: 5, min_steps: 50, batch_size: 32, learning_rate: 0.002}
        reserved: 1000
        training: {epochs: 3, min_steps: 40, batch_size: 32, learning_rate: 0.002}
        ridge: 0.001
        width_sweeps: [{network: random_features, n: 150, widths: [30, 150]}]
        size_sweeps: [{network: two_layer, width: 16, n: [100, 200]}]
        """.formatted(toy));
        checkShardedEqualsLocal(tmp, file, "tiny-image", 8);
    }

    @Test
    void languageModelStudyShardedInTwoProcessesMergesToTheLocalResults(@TempDir Path tmp) throws Exception {
        Path corpus = TestTexts.toyCorpus(tmp.resolve("corpus"));
        Path file = tmp.resolve("lm.yaml");
        // one budget, two shares, no controls: a generator cell and two training cells, each in its own process
        Files.writeString(
                file,
                TestTexts.tinyYaml(corpus, "[0, 1]")
                        .replace("budgets: [7680, 15360]", "budgets: [7680]")
                        .replace("shifted: {files: [other.txt], p2: [0.5]}\n", "")
                        .replace("dilution_p2: [0.5]\n", ""));
        checkShardedEqualsLocal(tmp, file, "lm", 3);
    }

    private static void checkShardedEqualsLocal(Path tmp, Path file, String name, int cells) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Path local = tmp.resolve("local");
        RunRequest request = RunRequest.of(file).withFigures(false).withRows(10);
        assertThat(StudyRuns.run(request.withOut(local), ps).ok())
                .as(out.toString(StandardCharsets.UTF_8))
                .isTrue();

        List<Process> shards = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<String> cmd = new ArrayList<>(ProcessSweepExecutor.javaCommand());
            cmd.addAll(List.of(
                    ShardedStudiesTest.class.getName(),
                    file.toString(),
                    tmp.resolve("s" + k).toString(),
                    tmp.resolve("s" + k + ".db").toString(),
                    k + "/2"));
            shards.add(new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("s" + k + ".log").toFile())
                    .start());
        }
        for (int k = 0; k < 2; k++) {
            assertThat(shards.get(k).waitFor())
                    .as(Files.readString(tmp.resolve("s" + k + ".log")))
                    .isZero();
        }

        out.reset();
        Path merged = tmp.resolve("merged");
        StudyRuns.Planned plan = StudyRuns.plan(
                request.withOut(merged).withMerge(List.of(tmp.resolve("s0.db"), tmp.resolve("s1.db"))), ps);
        assertThat(plan.plan().total()).isEqualTo(cells);
        assertThat(plan.plan().stored()).isEqualTo(cells);
        assertThat(plan.plan().todo()).isEmpty();

        try (ResultStore a = ResultStore.open(local.resolve("results.db"));
                ResultStore b = ResultStore.open(merged.resolve("results.db"))) {
            assertThat(a.count()).isEqualTo(cells);
            assertThat(b.count()).isEqualTo(cells);
            for (StoredCell c : a.listAll()) {
                StoredCell d = b.find(c.key()).orElseThrow();
                assertThat(d.configJson()).isEqualTo(c.configJson());
                assertThat(withoutTimings(d.resultJson()))
                        .as(c.experiment() + " " + c.configJson())
                        .isEqualTo(withoutTimings(c.resultJson()));
            }
        }
    }

    /** The result with every wall-time or throughput field removed (they differ between runs). */
    static JsonNode withoutTimings(String json) throws Exception {
        JsonNode n = JSON.readTree(json);
        strip(n);
        return n;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.toLowerCase(java.util.Locale.ROOT).contains("second")) {
                    it.remove();
                }
            }
        }
        n.forEach(ShardedStudiesTest::strip);
    }
}
