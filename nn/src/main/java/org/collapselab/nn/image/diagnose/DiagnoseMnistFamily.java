package org.collapselab.nn.image.diagnose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/**
 * The {@code kind: diagnose-mnist} family: {@code diagnose} on MNIST principal components, real targets vs a weak
 * generator's targets ({@link MnistDiagnosis}), measured on the test split, on held-out training images and by
 * cross-validation. Fields: {@code components}, {@code real_rows}, {@code synthetic_rows}, {@code test_rows},
 * {@code digit}, {@code generator_samples}, {@code seed}; {@code data} (default: the MNIST folder).
 */
public final class DiagnoseMnistFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "diagnose-mnist",
            "diagnose on MNIST principal components: real targets "
                    + "(a digit's indicator) vs a weak generator network's targets, measured on the test split, on held-out training "
                    + "images and by cross-validation; one cell.",
            List.of(
                    Field.integer("components", 1, 784, "50", "principal components kept (d)"),
                    Field.integer("real_rows", 10, 60_000, "1000", "real rows n1"),
                    Field.integer("synthetic_rows", 10, 60_000, "20000", "synthetic rows n2"),
                    Field.integer("test_rows", 10, 10_000, "10000", "rows of the test file"),
                    Field.integer("digit", 0, 9, "3", "the class whose indicator is the target"),
                    Field.integer("generator_samples", 10, 60_000, "500", "real images the generator is trained on"),
                    Field.integer("seed", 0, Long.MAX_VALUE, "7", "seed of the generator and the files"),
                    Field.text("data", "data/mnist", "the MNIST folder")));

    @Override
    public String kind() {
        return "diagnose-mnist";
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
        int d = SCHEMA.integer(f, r, "components");
        int real = SCHEMA.integer(f, r, "real_rows");
        int synthetic = SCHEMA.integer(f, r, "synthetic_rows");
        int test = SCHEMA.integer(f, r, "test_rows");
        int digit = SCHEMA.integer(f, r, "digit");
        int gen = SCHEMA.integer(f, r, "generator_samples");
        long seed = SCHEMA.longValue(f, r, "seed");
        String data = r.has("data") ? f.text(r, "data", "data", false) : null;
        return f.ok()
                ? new DiagnoseMnistStudy(
                        name, description, new MnistDiagnosis(d, real, synthetic, test, digit, gen), seed, data)
                : null;
    }
}
