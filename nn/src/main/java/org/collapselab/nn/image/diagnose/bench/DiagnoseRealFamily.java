package org.collapselab.nn.image.diagnose.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/**
 * The {@code kind: diagnose-real} family: the real-data bench of {@code diagnose} ({@link RealBench}). Fields:
 * {@code splits} (seeds 1..splits, one cell each), {@code data} (the scikit-learn CSV folder, default
 * {@code data/sklearn}, filled by {@code scripts/diagnose-bench-data.sh}).
 */
public final class DiagnoseRealFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "diagnose-real",
            "The real-data bench of diagnose: for every scenario "
                    + "and split, the recommended recipe, three baselines and a brute-force grid measured on held-out real rows.",
            List.of(
                    Field.integer("splits", 1, 20, "3", "split seeds 1..splits, one cell each"),
                    Field.text(
                            "data",
                            "data/sklearn",
                            "the scikit-learn CSV folder (scripts/diagnose-bench-data.sh fills it)")));

    @Override
    public String kind() {
        return "diagnose-real";
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
        int splits = SCHEMA.integer(f, r, "splits");
        String data = r.has("data") ? f.text(r, "data", "data", false) : "data/sklearn";
        return f.ok() ? new DiagnoseRealStudy(name, description, splits, data) : null;
    }
}
