package org.collapselab.experiments.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Collapse Lab version this build was made from (part of every cell key, so a new version recomputes). */
public final class ProjectVersion {
  private static final String VERSION = load();

  private ProjectVersion() {}

  /** The project version, e.g. {@code 0.1.0}; {@code dev} when run from an unfiltered source tree. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ProjectVersion.class.getResourceAsStream("/org/collapselab/experiments/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev").trim();
      return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
