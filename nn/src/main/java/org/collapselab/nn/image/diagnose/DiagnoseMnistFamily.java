package org.collapselab.nn.image.diagnose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
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
  static final Set<String> KEYS = Set.of("name", "kind", "description", "components", "real_rows", "synthetic_rows",
      "test_rows", "digit", "generator_samples", "seed", "data", "quick");

  @Override
  public String kind() {
    return "diagnose-mnist";
  }

  @Override
  public Study read(StudyFile f, boolean quick) {
    ObjectNode r = f.withQuick(quick, KEYS);
    String name = f.studyName(r);
    String description = r.has("description") ? f.text(r, "description", "description", false) : "";
    int d = f.integer(r, "components", "components", 1, 784, 50);
    int real = f.integer(r, "real_rows", "real_rows", 10, 60_000, 1000);
    int synthetic = f.integer(r, "synthetic_rows", "synthetic_rows", 10, 60_000, 20_000);
    int test = f.integer(r, "test_rows", "test_rows", 10, 10_000, 10_000);
    int digit = f.integer(r, "digit", "digit", 0, 9, 3);
    int gen = f.integer(r, "generator_samples", "generator_samples", 10, 60_000, 500);
    long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE, 7);
    String data = r.has("data") ? f.text(r, "data", "data", false) : null;
    return f.ok() ? new DiagnoseMnistStudy(name, description, new MnistDiagnosis(d, real, synthetic, test, digit, gen),
        seed, data) : null;
  }
}
