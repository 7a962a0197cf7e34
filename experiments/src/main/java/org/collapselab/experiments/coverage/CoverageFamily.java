package org.collapselab.experiments.coverage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/**
 * The {@code kind: diagnose-coverage} family: the c² interval of {@code diagnose} on Gaussian data with known truth,
 * one cell per (setting, repetition) so that an interrupted check resumes. Fields: {@code repetitions} per setting
 * (default 200), {@code splits} of the cross-fit (default 8), {@code seed} (repetition r draws its data from seed + r;
 * default 1000).
 */
public final class CoverageFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "diagnose-coverage",
            "The c² interval of diagnose on Gaussian data with "
                    + "known truth: four settings, each repeated with seeded draws; one cell per repetition.",
            List.of(
                    Field.integer("repetitions", 2, 100_000, "200", "repetitions per setting"),
                    Field.integer("splits", 2, 64, "8", "half-splits of the cross-fit"),
                    Field.integer("seed", 0, Long.MAX_VALUE / 2, "1000", "repetition r draws its data from seed + r")));

    @Override
    public String kind() {
        return "diagnose-coverage";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        String description = r.has("description") ? f.text(r, "description", "description", false) : "";
        int reps = SCHEMA.integer(f, r, "repetitions");
        int splits = SCHEMA.integer(f, r, "splits");
        long seed = SCHEMA.longValue(f, r, "seed");
        return f.ok() ? new CoverageStudy(name, description, reps, splits, seed) : null;
    }
}
