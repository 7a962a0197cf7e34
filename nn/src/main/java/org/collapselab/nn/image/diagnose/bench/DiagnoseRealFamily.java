package org.collapselab.nn.image.diagnose.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/**
 * The {@code kind: diagnose-real} family: the real-data bench of {@code diagnose} ({@link RealBench}). Fields:
 * {@code splits} (seeds 1..splits, one cell each), {@code data} (the scikit-learn CSV folder, default
 * {@code data/sklearn}, filled by {@code scripts/diagnose-bench-data.sh}).
 */
public final class DiagnoseRealFamily implements StudyFamily {
  static final Set<String> KEYS = Set.of("name", "kind", "description", "splits", "data", "quick");

  @Override
  public String kind() {
    return "diagnose-real";
  }

  @Override
  public Study read(StudyFile f, boolean quick) {
    ObjectNode r = f.withQuick(quick, KEYS);
    String name = f.studyName(r);
    String description = r.has("description") ? f.text(r, "description", "description", false) : "";
    int splits = f.integer(r, "splits", "splits", 1, 20, 3);
    String data = r.has("data") ? f.text(r, "data", "data", false) : "data/sklearn";
    return f.ok() ? new DiagnoseRealStudy(name, description, splits, data) : null;
  }
}
