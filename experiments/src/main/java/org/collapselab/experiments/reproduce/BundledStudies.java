package org.collapselab.experiments.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyReport;

/**
 * A {@link Reproduction} that is nothing but bundled study files run through the one path of {@code run}
 * ({@link StudyRuns}): their report sections, in order, make its section of {@code report.html}. A family whose
 * reproduction needs no extra prose subclasses this with its name, title and study files. A study whose family is
 * not on the class path or whose data is absent ({@link Study#unavailable()}) is skipped with one line saying so.
 */
public abstract class BundledStudies implements Reproduction {
  private final String name;
  private final String title;
  private final List<String> studies;

  protected BundledStudies(String name, String title, List<String> studies) {
    this.name = name;
    this.title = title;
    this.studies = List.copyOf(studies);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public String description() {
    return title + " (studies/" + String.join(".yaml, studies/", studies) + ".yaml)";
  }

  @Override
  public final ReportSection run(ReproductionOptions o) throws Exception {
    StringBuilder html = new StringBuilder();
    List<Claim> claims = new ArrayList<>();
    for (String name : studies) {
      String kind = StudyFile.bundled(name).kind();
      Study study = StudyFamilies.available().containsKey(kind) ? StudyRuns.bundled(name, o.quick()) : null;
      String missing = study == null ? "the " + kind + " family is not on the class path (the nn module)"
          : study.unavailable();
      if (missing != null) {
        String line = "studies/" + name + ".yaml skipped: " + missing;
        html.append(Html.paragraph(line));
        if (o.log() != null) {
          o.log().println(this.name + ": " + line);
        }
        continue;
      }
      StudyReport r = o.run(study).report();
      html.append(r.html());
      claims.addAll(r.claims());
    }
    return new ReportSection(name, title, html.toString(), claims);
  }
}
