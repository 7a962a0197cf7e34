package org.collapselab.experiments.gaussian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.study.StudyFamilies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result database written by the code before the study plug-ins (commit f6ac0a8, {@code compat/compat.yaml}: ridge
 * and random projections, 8 cells) is read by the new runner without recomputing anything: Gaussian cell keys are
 * unchanged.
 */
class StoredResultsCompatibilityTest {
    @Test
    void gaussianCellsOfAnOldDatabaseAreReusedNotRecomputed(@TempDir Path tmp) throws Exception {
        Path yaml = tmp.resolve("compat.yaml");
        Path db = tmp.resolve("results.db");
        copy("/compat/compat.yaml", yaml);
        copy("/compat/f6ac0a8-results.db", db);
        GaussianStudy study = (GaussianStudy) StudyFamilies.load(yaml, false);
        StudyRuns.Outcome out = StudyRuns.run(study, new RunOptions(tmp, db, 1, Shard.ALL, null, false, null), 10);
        assertThat(out.summary().plan().total()).isEqualTo(8);
        assertThat(out.summary().plan().ownedStored()).isEqualTo(8);
        assertThat(out.summary().computed()).isZero();
        GaussianRun run = GaussianRun.of(study, out.summary());
        assertThat(run.results()).hasSize(8).allSatisfy(r -> {
            assertThat(r.theory()).isNotNull();
            assertThat(r.simulation().runs()).hasSize(3);
        });
        try (ResultStore store = ResultStore.open(db)) {
            assertThat(store.count()).isEqualTo(8);
        }
    }

    private static void copy(String resource, Path to) throws Exception {
        try (InputStream in = StoredResultsCompatibilityTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }
}
