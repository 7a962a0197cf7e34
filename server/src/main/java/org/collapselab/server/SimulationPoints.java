package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationSimulator;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;

/** The points of a simulation job for each task: the run and JSON of {@code collapselab simulate}. */
final class SimulationPoints {
    private SimulationPoints() {}

    /**
     * Regression: {@link Simulator#runOnce} plus the noise floor σ² with {@code with-noise}; a retraining loop runs
     * {@link LoopSimulator#runOnce} (every generation's error) with the loop theory of each generation beside it.
     */
    static SimulationJob.Point regression(Problem p, boolean withNoise) {
        double floor = ProblemRequest.floor(p, withNoise);
        return new SimulationJob.Point() {
            private GenerationsPrediction loopTheory;
            private String loopUnavailable;

            @Override
            public double runOnce(long runSeed) {
                return Simulator.runOnce(p, runSeed) + floor;
            }

            @Override
            public boolean looping() {
                return p.generations().looping();
            }

            @Override
            public double[] runLoop(long runSeed) {
                double[] e = LoopSimulator.runOnce(p, runSeed);
                for (int k = 0; k < e.length; k++) {
                    e[k] += floor;
                }
                return e;
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

            @Override
            public synchronized void putGenerationTheory(ObjectNode o, int k) {
                if (loopTheory == null && loopUnavailable == null) {
                    try {
                        loopTheory = GenerationsTheory.predict(p);
                    } catch (TheoryException e) {
                        loopUnavailable = e.getMessage();
                    }
                }
                if (loopTheory == null) {
                    o.put("theoryUnavailable", loopUnavailable);
                    return;
                }
                TheoryResult all = loopTheory.last();
                double e = loopTheory.testError(k);
                TheoryJson.put(
                        o.putObject("theory"),
                        new TheoryResult(
                                e,
                                all.bias(),
                                all.variance(),
                                e - all.bias() - all.variance(),
                                all.effectiveRegularization(),
                                all.converged(),
                                all.iterations(),
                                all.residual()),
                        floor);
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
