package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationSimulator;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.TheoryException;

/** The points of a simulation job for each task: the run and JSON of {@code collapselab simulate}. */
final class SimulationPoints {
  private SimulationPoints() {}

  /** Regression: {@link Simulator#runOnce} plus the noise floor σ² with {@code with-noise}. */
  static SimulationJob.Point regression(Problem p, boolean withNoise) {
    double floor = ProblemRequest.floor(p, withNoise);
    return new SimulationJob.Point() {
      @Override
      public double runOnce(long runSeed) {
        return Simulator.runOnce(p, runSeed) + floor;
      }

      @Override
      public ObjectNode problemJson() {
        return TheoryJson.problem(p);
      }

      @Override
      public void putTheory(ObjectNode o) {
        try {
          TheoryJson.putPrediction(o.putObject("theory"), p, floor);
        } catch (TheoryException e) {
          o.remove("theory");
          o.put("theoryUnavailable", e.getMessage());
        }
      }
    };
  }

  /** Classification: {@link ClassificationSimulator#runOnce} (the real-test 0–1 error of one fit). */
  static SimulationJob.Point classification(ClassificationProblem p) {
    return new SimulationJob.Point() {
      @Override
      public double runOnce(long runSeed) {
        return ClassificationSimulator.runOnce(p, runSeed);
      }

      @Override
      public ObjectNode problemJson() {
        return ClassificationJson.problem(p);
      }

      @Override
      public void putTheory(ObjectNode o) {
        try {
          ClassificationJson.put(o.putObject("theory"), ClassificationTheory.predict(p));
        } catch (TheoryException e) {
          o.remove("theory");
          o.put("theoryUnavailable", e.getMessage());
        }
      }
    };
  }
}
