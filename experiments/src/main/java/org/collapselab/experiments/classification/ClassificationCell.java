package org.collapselab.experiments.classification;

import java.util.Locale;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationResult;
import org.collapselab.classification.ClassificationSimulator;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.problem.Generations;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.TheoryException;

/**
 * One simulated point of a classification study: {@code runs} runs of one {@link ClassificationProblem}, stored as
 * {@code {"mean", "std", "stderr", "theory"}} (theory null when it has no answer there).
 *
 * @param study the study name
 * @param figure the figure the point belongs to (n, lambda or breakdown)
 * @param series the curve the point belongs to, as shown in the legend
 * @param x the point's abscissa on that figure
 */
public record ClassificationCell(
        String study,
        String figure,
        String series,
        double x,
        String lossKey,
        int d,
        String spectrum,
        long n,
        double p2,
        double mu2,
        double flipRate,
        double lambda,
        double weight,
        double keepGood,
        double keepBad,
        int runs,
        long baseSeed,
        int threads)
        implements CellJob {

    /** The problem this cell simulates. */
    public ClassificationProblem problem() {
        return new ClassificationProblem(
                SpectrumSpecs.parse(spectrum, d),
                n,
                p2,
                mu2,
                flipRate,
                Loss.parse(lossKey),
                lambda,
                weight,
                keepGood,
                keepBad,
                Generations.NONE);
    }

    String config() {
        return String.format(
                Locale.ROOT,
                "{\"family\":\"classification\",\"loss\":\"%s\",\"d\":%d,\"spectrum\":\"%s\","
                        + "\"n\":%d,\"p2\":%s,\"mu2\":%s,\"flip_rate\":%s,\"lambda\":%s,\"synthetic_weight\":%s,\"keep_good\":%s,"
                        + "\"keep_bad\":%s,\"runs\":%d}",
                lossKey,
                d,
                spectrum,
                n,
                p2,
                mu2,
                flipRate,
                lambda,
                weight,
                keepGood,
                keepBad,
                runs);
    }

    long seed() {
        return baseSeed ^ (config().hashCode() * 0x9E3779B97F4A7C15L);
    }

    @Override
    public String key() {
        return CellKeys.key(config(), seed());
    }

    @Override
    public String label() {
        return figure + " " + series + " x=" + x;
    }

    @Override
    public double cost() {
        return (double) n * d * Math.min(n, d) * runs * (lossKey.equals("logistic") ? 8 : 1);
    }

    @Override
    public CellJob withThreads(int t) {
        return new ClassificationCell(
                study,
                figure,
                series,
                x,
                lossKey,
                d,
                spectrum,
                n,
                p2,
                mu2,
                flipRate,
                lambda,
                weight,
                keepGood,
                keepBad,
                runs,
                baseSeed,
                Math.max(1, t));
    }

    @Override
    public StoredCell compute() {
        long start = System.nanoTime();
        ClassificationProblem p = problem();
        SimulationResult r = ClassificationSimulator.simulate(p, runs, seed(), Math.max(1, threads));
        String theory;
        try {
            ClassificationResult t = ClassificationTheory.predict(p);
            theory = t.converged() ? Double.toString(t.testError()) : "null";
        } catch (TheoryException e) {
            theory = "null";
        }
        String result = String.format(
                Locale.ROOT,
                "{\"mean\":%s,\"std\":%s,\"stderr\":%s,\"theory\":%s}",
                r.mean(),
                r.std(),
                r.stderr(),
                theory);
        return StoredCell.now(key(), study, config(), result, (System.nanoTime() - start) / 1e9);
    }
}
