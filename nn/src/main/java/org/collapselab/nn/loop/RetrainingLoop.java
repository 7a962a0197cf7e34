package org.collapselab.nn.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.text.quality.TextMeasures;

/**
 * The neural retraining loop, the same semantics as the Gaussian loop ({@code LoopSimulator}) with a
 * network in place of ridge: generation 0 trains on n real rows; generation k ≥ 1 gets n new rows, the first
 * round(r·n) real and the rest produced by generation k − 1 (text it sampled, or images it labelled), and trains a
 * fresh model on the rows {@link org.collapselab.problem.Schedule#trainingRows} names (its own n under replace,
 * all (k+1)·n under accumulate). Rows are kept in generation-major order, as that definition expects. The model of
 * generation k − 1 is closed once generation k's rows exist.
 */
public final class RetrainingLoop {
    private RetrainingLoop() {}

    /**
     * A row of the loop: its content, whether it is real, and the generation whose rows it belongs to.
     *
     * @param value the content (a text segment, an image with its target)
     * @param real true when it is real data (a real label, real text)
     * @param generation the generation it was added in
     */
    public record Row<T>(T value, boolean real, int generation) {}

    /**
     * What a generation's model measured.
     *
     * @param loss real-test loss
     * @param error real-test classification error (NaN when not applicable)
     * @param diversity measures of the text the model wrote (null when not applicable)
     * @param sample an excerpt of that text ("" when not applicable)
     * @param metrics the language model's collapse metrics (null when not applicable)
     */
    public record Measurement(
            double loss, double error, TextMeasures diversity, String sample, CollapseMetrics metrics) {}

    /** The data and the model family of a loop. */
    public interface World<T, M extends AutoCloseable> {
        /**
         * The n new rows of generation k, in order: the first {@code realCount} real (never used by an earlier
         * generation), the rest produced by {@code teacher} (null at k = 0, where realCount = n).
         */
        List<T> rows(int generation, int realCount, int n, M teacher);

        /**
         * A fresh model of generation k trained on {@code rows}, with {@code budgetScale} times the training budget of
         * one generation's rows (1 unless the budget grows with the rows).
         */
        M train(List<Row<T>> rows, int generation, double budgetScale) throws Exception;

        /** The model of generation k measured on real test data; {@code first} is generation 0's model. */
        Measurement measure(M model, int generation, M first) throws Exception;
    }

    /**
     * Runs generations 0..{@code generations} of one arm; {@code seed} drives the accumulate-subsample draw only. The
     * arm's variant picks the teacher of the synthetic rows (generation k − 1, or generation 0), whether the synthetic
     * rows are trained on at all, and whether the budget grows with the rows; generation 0's model stays open for the
     * whole loop (a teacher, and the reference the collapse metrics are measured against).
     */
    public static <T, M extends AutoCloseable> List<GenerationResult> run(
            World<T, M> world, LoopArm arm, int generations, int n, long seed) throws Exception {
        if (generations < 0 || n < 1) {
            throw new IllegalArgumentException("generations >= 0 and n >= 1 needed, got " + generations + ", " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Row<T>> pool = new ArrayList<>();
        List<GenerationResult> out = new ArrayList<>();
        M model = null;
        M first = null;
        try {
            for (int k = 0; k <= generations; k++) {
                long t0 = System.nanoTime();
                int realCount = k == 0 ? n : arm.realRows(n);
                M teacher = arm.variant() == LoopArm.Variant.FIRST_TEACHER ? first : model;
                List<T> fresh = world.rows(k, realCount, n, teacher);
                if (fresh.size() != n) {
                    throw new IllegalStateException(
                            "generation " + k + " got " + fresh.size() + " rows, expected " + n);
                }
                for (int i = 0; i < n; i++) {
                    pool.add(new Row<>(fresh.get(i), i < realCount, k));
                }
                if (model != null && model != first) {
                    model.close();
                }
                model = null;
                List<Row<T>> train = new ArrayList<>();
                int real = 0;
                for (int i : arm.schedule().trainingRows(k, n, rng)) {
                    if (arm.variant() != LoopArm.Variant.REAL_ONLY
                            || pool.get(i).real()) {
                        train.add(pool.get(i));
                        real += pool.get(i).real() ? 1 : 0;
                    }
                }
                double scale = arm.variant() == LoopArm.Variant.GROWING_BUDGET ? train.size() / (double) n : 1;
                model = world.train(train, k, scale);
                if (k == 0) {
                    first = model;
                }
                Measurement m = world.measure(model, k, first);
                out.add(new GenerationResult(
                        k,
                        train.size(),
                        real,
                        m.loss(),
                        m.error(),
                        m.diversity(),
                        m.sample(),
                        m.metrics(),
                        (System.nanoTime() - t0) / 1e9));
            }
        } finally {
            if (model != null && model != first) {
                model.close();
            }
            if (first != null) {
                first.close();
            }
        }
        return out;
    }
}
