package org.example.squares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.run.RunRequest;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A family added as one package + one services line runs, shards, merges and plans like the built-in ones. */
class SquaresFamilyTest {
    @Test
    void aNewFamilyPlugsIntoTheOneRunner(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("squares.yaml");
        Files.writeString(f, "name: squares\nkind: squares\nx: [1, 2, 3, 4, 5]\n");
        RunRequest r = RunRequest.of(f).withOut(dir).withFigures(false).withRows(10);
        for (int k = 0; k < 2; k++) {
            assertThat(StudyRuns.run(r.withShard(new Shard(k, 2)).withDb(dir.resolve("s" + k + ".db")), null)
                            .ok())
                    .isTrue();
        }
        StudyRuns.Outcome all = StudyRuns.run(
                r.withOut(dir.resolve("all"))
                        .withMerge(List.of(dir.resolve("s0.db"), dir.resolve("s1.db")))
                        .withFigures(true),
                null);
        assertThat(all.report().text()).contains("{\"square\":25.0}");
        assertThat(all.summary().plan().total()).isEqualTo(5);
        assertThat(all.summary().computed()).isZero();
        assertThat(all.summary().plan().ownedStored()).isEqualTo(5);
        // run FILE writes the study's section of report.html, as reproduce does
        assertThat(java.nio.file.Files.readString(dir.resolve("all").resolve("report.html")))
                .contains("<h2>squares</h2>", "{&quot;square&quot;:25.0}");
        try (ResultStore s = ResultStore.open(dir.resolve("all").resolve("results.db"))) {
            assertThat(s.list("squares")).hasSize(5);
        }
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nkind: squares\nx: [1, oops]\ny: 2\n");
        assertThatThrownBy(() -> StudyFamilies.load(bad, false))
                .isInstanceOfSatisfying(StudyFileException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                bad + ": y: got 'y'; allowed: a known key: description, kind, name, quick, x",
                                bad + ": x[1]: got 'oops'; allowed: a number in [-1000000, 1000000]"));
    }

    @Test
    void docsExtendingShowsThisFamilyAndItsFixture() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "extending.md"), StandardCharsets.UTF_8);
        String example = doc.substring(doc.indexOf("## The tested example"));
        String java = block(example, "```java\n");
        String yaml = block(example, "```yaml\n");
        // the Java block is the source without its imports and Javadoc
        List<String> source = Files.readAllLines(
                        Path.of("src", "test", "java", "org", "example", "squares", "SquaresFamily.java"),
                        StandardCharsets.UTF_8)
                .stream()
                .filter(l -> !l.startsWith("import ") && !l.startsWith("/**") && !l.startsWith(" *"))
                .toList();
        assertThat(java.lines().filter(l -> !l.isBlank()).toList())
                .isEqualTo(source.stream().filter(l -> !l.isBlank()).toList());
        String fixture = new String(
                getClass().getResourceAsStream("/contract/squares.yaml").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(yaml).isEqualTo("# contract/squares.yaml\n" + fixture);
    }

    private static String block(String markdown, String fence) {
        int start = markdown.indexOf(fence) + fence.length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }
}
