package org.collapselab.experiments.coverage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
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
  static final Set<String> KEYS = Set.of("name", "kind", "description", "repetitions", "splits", "seed", "quick");

  @Override
  public String kind() {
    return "diagnose-coverage";
  }

  @Override
  public Study read(StudyFile f, boolean quick) {
    ObjectNode r = f.withQuick(quick, KEYS);
    String name = f.studyName(r);
    String description = r.has("description") ? f.text(r, "description", "description", false) : "";
    int reps = f.integer(r, "repetitions", "repetitions", 2, 100_000, 200);
    int splits = f.integer(r, "splits", "splits", 2, 64, 8);
    long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE / 2, 1000);
    return f.ok() ? new CoverageStudy(name, description, reps, splits, seed) : null;
  }
}
