package org.collapselab.experiments.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.collapselab.experiments.report.HtmlReport;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.report.SectionArchive;
import org.collapselab.experiments.store.ResultStore;

/**
 * Finds the {@link Reproduction}s on the class path (ServiceLoader: {@code gaussian} here, {@code mnist} and
 * {@code lm} in the nn module), runs the requested ones and writes one {@code report.html} in the output folder
 * gathering every section ever produced there (sections are kept in the folder's {@code results.db}).
 */
public final class Reproductions {
  /** Preferred section order in the report. */
  public static final List<String> ORDER = List.of("gaussian", "universality", "twosource", "generations", "mnist",
      "lm");

  private Reproductions() {}

  /** All registered reproductions by name, in {@link #ORDER} first, then by name. */
  public static Map<String, Reproduction> available() {
    Map<String, Reproduction> found = new java.util.TreeMap<>();
    for (Reproduction r : ServiceLoader.load(Reproduction.class)) {
      found.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
    }
    Map<String, Reproduction> out = new LinkedHashMap<>();
    for (String n : ORDER) {
      if (found.containsKey(n)) {
        out.put(n, found.remove(n));
      }
    }
    out.putAll(found);
    return out;
  }

  /**
   * Resolves names ({@code all} = every registered one; empty = {@code gaussian}). Throws a
   * {@link org.collapselab.validation.ParameterException} naming the unknown ones and the known ones.
   */
  public static List<Reproduction> resolve(List<String> names) {
    Map<String, Reproduction> all = available();
    List<String> wanted = names == null || names.isEmpty() ? List.of("gaussian") : names;
    List<Reproduction> out = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String n : wanted) {
      String k = n.trim().toLowerCase(Locale.ROOT);
      if (k.equals("all")) {
        for (Reproduction r : all.values()) {
          if (!out.contains(r)) {
            out.add(r);
          }
        }
      } else if (all.containsKey(k)) {
        if (!out.contains(all.get(k))) {
          out.add(all.get(k));
        }
      } else {
        unknown.add(n);
      }
    }
    if (!unknown.isEmpty()) {
      throw new org.collapselab.validation.ParameterException("NAME", String.join(" ", unknown), "all or one of "
          + String.join(", ", all.keySet()));
    }
    return out;
  }

  /** The report file in an output folder. */
  public static Path reportFile(Path outDir) {
    return outDir.resolve("report.html");
  }

  /** Stores a section in the folder's database and rewrites report.html with every stored section. */
  public static Path publish(Path outDir, ReportSection section) throws IOException {
    try (ResultStore store = ResultStore.open(outDir.resolve("results.db"))) {
      if (section != null) {
        SectionArchive.save(store, section);
      }
      List<ReportSection> all = SectionArchive.load(store, ORDER);
      Path report = reportFile(outDir);
      HtmlReport.write(report, "Strong model collapse — reproduction report", all);
      return report;
    }
  }
}
