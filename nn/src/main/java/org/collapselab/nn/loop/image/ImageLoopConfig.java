package org.collapselab.nn.loop.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.collapselab.nn.image.data.ImageFolder;
import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.loop.LoopArm;
import org.collapselab.nn.loop.LoopCellJob;
import org.collapselab.nn.loop.LoopConfig;
import org.collapselab.nn.loop.LoopResult;

/**
 * The image loop ({@code kind: image-loop}, {@code studies/generations-image.yaml}): the image study's two-layer ReLU
 * network (regression on one-hot targets, Adam) trained on n real training images, then each generation a fresh
 * network of the same width trained on n new training images (never the test split; disjoint across generations)
 * whose targets are the previous network's outputs (soft regression targets, as the image study's synthetic
 * labels), the first round(r·n) keeping their true one-hot labels. No early stopping: a validation split would feed
 * real labels into every generation. Under accumulate the training set grows, and with it the steps (at least
 * {@code training.epochs} passes).
 *
 * @param dataset data set name ({@code mnist}, {@code fashion-mnist}, or any with {@code dataDir})
 * @param dataDir folder of IDX files, or null for the data set's default
 * @param width hidden width
 * @param training Adam schedule for a training set of n images ({@link TrainingPlan#forSize})
 * @param rows images n per generation
 * @param generations the last generation K
 * @param arms schedules and fresh real shares
 * @param seeds seeds per arm
 * @param baseSeed seed the loops derive from
 */
public record ImageLoopConfig(
        String dataset,
        String dataDir,
        int width,
        TrainingPlan training,
        int rows,
        int generations,
        List<LoopArm> arms,
        int seeds,
        long baseSeed)
        implements LoopConfig {
    // Calibrated on the quick run's CPU time (9 loops, width 128, n = 1000, 4 generations: 43 s of CPU on the shared
    // 2-core machine); one core's CPU time is its idle wall time.
    /** Adam steps (batch 128) per second per core of a width-256 network on 784 inputs. */
    static final double STEP_RATE = 300;
    /** CPU seconds of a loop's child process start: JVM, PyTorch and the data set. */
    static final double STARTUP = 3;

    public ImageLoopConfig {
        arms = List.copyOf(arms);
    }

    /** The folder the data set is read from. */
    public Path folder() {
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        return dataset.equals("fashion-mnist") ? ImageFolder.defaultFashionMnistDir() : ImageFolder.defaultMnistDir();
    }

    @Override
    public String family() {
        return "image network";
    }

    @Override
    public String configJson() {
        ObjectNode o = LoopCellJob.JSON.valueToTree(this);
        o.remove("dataDir"); // where the data lies does not matter
        try {
            return LoopCellJob.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoopResult run(LoopArm arm, int seed, int threads, PrintStream log) throws Exception {
        return ImageLoopWorld.run(this, arm, seed, log);
    }

    @Override
    public String unavailable() {
        return Files.isDirectory(folder())
                ? null
                : dataset + " images not found at " + folder()
                        + " (fetch them with scripts/fetch-data.sh, or set data_dir)";
    }

    @Override
    public double estimatedSeconds(LoopArm arm) {
        double steps = 0;
        for (int k = 0; k <= generations; k++) {
            int n = arm.schedule() == org.collapselab.problem.Schedule.ACCUMULATE ? (k + 1) * rows : rows;
            var cfg = training.forSize(n);
            steps += cfg.epochs() * Math.ceil(n / (double) Math.min(cfg.batchSize(), n));
        }
        return STARTUP + steps * (width / 256.0) / STEP_RATE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "Two-layer ReLU network of width %d on %s retrained for %d generations: each "
                        + "generation has n = %d new training images (disjoint across generations, never the test split); "
                        + "generation 0 trains on their true one-hot labels, later generations on the previous network's outputs "
                        + "(except the fresh real share). Adam, lr %s, batch %d, at least %d passes and %d steps, no early "
                        + "stopping. Real-test MSE (the trained loss) and classification error on the %s test split.",
                width,
                dataset,
                generations,
                rows,
                training.learningRate(),
                training.batchSize(),
                training.epochs(),
                training.minSteps(),
                dataset);
    }

    @Override
    public String lossLabel() {
        return "real-test MSE";
    }

    @Override
    public String lossUnit() {
        return "(MSE)";
    }

    @Override
    public org.collapselab.experiments.report.Threshold minEffect() {
        return new org.collapselab.experiments.report.Threshold(
                "MIN_EFFECT", 0.001, "smallest test-MSE difference that matters (as in the image study)");
    }
}
