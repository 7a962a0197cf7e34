package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.experiments.run.ShippedClasses;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.junit.jupiter.api.Test;

/**
 * Every job of every bundled study file (every family) passes the shipped-class filter that child processes and
 * cluster members read jobs through, and comes back with the same key: the allow-list is not narrower than the jobs.
 */
class ShippedJobsTest {
    @Test
    void everyBundledStudysJobsPassTheFilter() throws Exception {
        Path studies = Path.of("..", "studies");
        List<Path> files;
        try (Stream<Path> s = Files.list(studies)) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        int checked = 0;
        // Language-model studies hash their corpus into the keys: the copy of the data folder beside the modules.
        System.setProperty(
                "collapselab.lm.corpus", Path.of("..", "data", "gutenberg").toString());
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (Path f : files) {
            Study study;
            try {
                study = StudyFamilies.load(f, true);
            } catch (org.collapselab.experiments.study.StudyFileException e) {
                continue; // a bundled file its family refuses is another test's finding; every family is required below
            }
            kinds.add(org.collapselab.experiments.study.StudyFile.read(f).kind());
            List<CellJob> cells = study.cells();
            assertThat(cells).as(f.toString()).isNotEmpty();
            for (CellJob job : cells.subList(0, Math.min(5, cells.size()))) {
                CellJob shipped = job.withThreads(1);
                CellJob back = ShippedClasses.read(bytes(shipped), CellJob.class);
                assertThat(back.key()).as(f + " " + job.label()).isEqualTo(job.key());
                checked++;
            }
        }
        System.clearProperty("collapselab.lm.corpus");
        assertThat(checked).isGreaterThan(30);
        assertThat(kinds)
                .as("a study of every family")
                .isEqualTo(StudyFamilies.available().keySet());
    }

    private static byte[] bytes(Object o) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }
}
