package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWorkflowTest {
    @TempDir
    Path dir;

    private void fill() {
        try (ResultStore s = ResultStore.open(dir.resolve("results.db"))) {
            s.put(StoredCell.now(
                    "k1",
                    "gauss",
                    "{\"n\":100,\"p2\":0.1}",
                    "{\"theory\":{\"testError\":0.5},\"simulation\":{\"mean\":0.51,\"runs\":[0.5,0.52]}}",
                    1.0));
            s.put(StoredCell.now(
                    "k2",
                    "gauss",
                    "{\"n\":200,\"p2\":0.1}",
                    "{\"theory\":null,\"theoryError\":\"diverges\",\"simulation\":{\"mean\":0.3,\"runs\":[0.3]}}",
                    2.0));
            s.put(StoredCell.now("k3", "mnist", "{\"width\":64}", "{\"testLoss\":0.1}", 3.0));
        }
    }

    @Test
    void csvHasOneRowPerCellWithFlattenedColumns() throws Exception {
        fill();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Workflows.export(
                dir,
                "csv",
                null,
                null,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String csv = Files.readString(dir.resolve("results.csv"));
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(3);
        CSVRecord k1 =
                rows.stream().filter(r -> r.get("key").equals("k1")).findFirst().orElseThrow();
        assertThat(k1.get("config.n")).isEqualTo("100");
        assertThat(k1.get("result.theory.testError")).isEqualTo("0.5");
        assertThat(k1.get("result.simulation.runs")).isEqualTo("[0.5,0.52]");
        assertThat(k1.get("config.width")).isEmpty();
        CSVRecord k3 =
                rows.stream().filter(r -> r.get("key").equals("k3")).findFirst().orElseThrow();
        assertThat(k3.get("result.testLoss")).isEqualTo("0.1");
        assertThat(k3.get("experiment")).isEqualTo("mnist");
    }

    @Test
    void jsonKeepsTypesAndFiltersByExperiment() throws Exception {
        fill();
        Path f = dir.resolve("g.json");
        int code = Workflows.export(dir.resolve("results.db"), "json", "gauss", f.toString(), System.out, System.err);
        assertThat(code).isZero();
        JsonNode arr = new ObjectMapper().readTree(f.toFile());
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("config.n").asInt()).isEqualTo(100);
        assertThat(arr.get(0).get("result.simulation.runs").isArray()).isTrue();
        assertThat(arr.get(1).get("result.theoryError").asText()).isEqualTo("diverges");
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        assertThat(lines(() -> Workflows.export(dir, "xml", null, null, System.out, System.err)))
                .containsExactly("collapselab export: --format must be csv or json, got xml");
        assertThat(lines(() -> Workflows.export(dir.resolve("nothing"), "csv", null, null, System.out, System.err)))
                .containsExactly(
                        "collapselab export: DIR must be an output folder containing results.db, or a database "
                                + "file, got " + dir.resolve("nothing"));
    }

    /** The message lines of what a call throws, with exit code 2 (bad input). */
    private static java.util.List<String> lines(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(ExitCodes.of(t)).isEqualTo(2);
        return ExitCodes.lines("export", t);
    }
}
