package org.collapselab.experiments.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.study.StudyReport;

/**
 * A {@link Reproduction} that is nothing but bundled study files run through the one path of {@code run}
 * ({@link StudyRuns}): their report sections, in order, make its section of {@code report.html}. A family whose
 * reproduction needs no extra prose subclasses this with its name, title and study files.
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
    for (String study : studies) {
      StudyReport r = StudyRuns.run(StudyRuns.bundled(study, o.quick()), o).report();
      html.append(r.html());
      claims.addAll(r.claims());
    }
    return new ReportSection(name, title, html.toString(), claims);
  }
}
