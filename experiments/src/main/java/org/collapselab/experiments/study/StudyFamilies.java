package org.collapselab.experiments.study;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registered {@link StudyFamily} plug-ins, and reading a study file with the family its {@code kind:} names. */
public final class StudyFamilies {
  private StudyFamilies() {}

  /** Every family on the class path by kind. */
  public static Map<String, StudyFamily> available() {
    Map<String, StudyFamily> out = new TreeMap<>();
    for (StudyFamily f : ServiceLoader.load(StudyFamily.class)) {
      out.putIfAbsent(f.kind(), f);
    }
    return out;
  }

  /** Reads and validates a study file; every problem is thrown at once as a {@link StudyFileException}. */
  public static Study load(Path file, boolean quick) {
    return read(StudyFile.read(file), quick);
  }

  /** A bundled study ({@code studies/NAME.yaml} in the jar). */
  public static Study bundled(String name, boolean quick) {
    return read(StudyFile.bundled(name), quick);
  }

  /** Validates a parsed study file with its family. */
  public static Study read(StudyFile file, boolean quick) {
    Map<String, StudyFamily> all = available();
    StudyFamily family = all.get(file.kind());
    if (family == null) {
      file.error("kind", file.root().path("kind"), "one of " + String.join(", ", all.keySet())
          + " (or omit it for " + StudyFile.DEFAULT_KIND + ")");
      file.check();
    }
    Study s = family.read(file, quick);
    file.check();
    return s;
  }
}
