package org.collapselab.experiments.gaussian;

import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/** The Gaussian family ({@code kind: gaussian}, the default): declarative theory/simulation sweeps. */
public final class GaussianFamily implements StudyFamily {
  @Override
  public String kind() {
    return "gaussian";
  }

  @Override
  public Study read(StudyFile file, boolean quick) {
    return new GaussianStudy(ExperimentLoader.read(file, quick));
  }
}
