package org.collapselab.nn.loop.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.image.data.ImageFolder;
import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.loop.LoopFields;
import org.collapselab.nn.loop.LoopStudy;

/**
 * Reads {@code kind: image-loop} study files (e.g. {@code studies/generations-image.yaml}): the common loop fields
 * ({@link LoopFields}), {@code dataset}, {@code data_dir}, {@code width}, and {@code training} (epochs, min_steps,
 * batch_size, learning_rate, weight_decay; no early stopping in a loop).
 */
public final class ImageLoopReader implements StudyFamily {
    private static final Set<String> TRAINING_KEYS =
            Set.of("epochs", "min_steps", "batch_size", "learning_rate", "weight_decay");

    static final Schema SCHEMA = LoopFields.schema(
            "image-loop",
            "Retraining loops of a two-layer network on images: "
                    + "each generation is trained on labels the previous generation wrote (replace, accumulate, "
                    + "accumulate-subsample, with fresh real rows), test error by generation.",
            1_000_000,
            List.of(
                    Field.text(
                            "dataset", "mnist, fashion-mnist or any name with data_dir", "mnist", "the image data set"),
                    Field.text("data_dir", "-", "folder of the IDX files"),
                    Field.integer("width", 1, 100_000, "256", "hidden width"),
                    Field.nested("training", Field.Type.MAPPING, "", "every generation's training (fields below)")),
            new Schema.Group(
                    "training",
                    List.of(
                            Field.integer("epochs", 1, 100_000, "20", "passes over the training rows"),
                            Field.integer("min_steps", 0, 10_000_000, "0", "at least this many optimiser steps"),
                            Field.integer("batch_size", 1, 1_000_000, "128", "rows per step"),
                            Field.above("learning_rate", 0, 10, "0.001", "Adam's learning rate"),
                            Field.number("weight_decay", 0, 10, "0", "decoupled weight decay"))));

    @Override
    public String kind() {
        return "image-loop";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public LoopStudy read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        LoopFields.Common common = LoopFields.read(f, r, 1_000_000);
        String dataset = f.text(r, "dataset", "dataset", false);
        String dataDir = f.text(r, "data_dir", "data_dir", false);
        int width = f.integer(r, "width", "width", 1, 100_000, 256);
        TrainingPlan training = null;
        JsonNode t = r.path("training");
        if (!t.isObject()) {
            f.error("training", t, "a mapping with keys " + new TreeSet<>(TRAINING_KEYS));
        } else {
            f.unknownKeys(t, TRAINING_KEYS, "training.");
            int epochs = f.integer(t, "epochs", "training.epochs", 1, 100_000, 20);
            int minSteps = f.integer(t, "min_steps", "training.min_steps", 0, 10_000_000, 0);
            int batch = f.integer(t, "batch_size", "training.batch_size", 1, 1_000_000, 128);
            double lr = f.real(t, "learning_rate", "training.learning_rate", 0, 10, 1e-3, false);
            double wd = f.real(t, "weight_decay", "training.weight_decay", 0, 10, 0, true);
            if (epochs > 0 && minSteps >= 0 && batch > 0 && !Double.isNaN(lr + wd)) {
                training = new TrainingPlan(epochs, minSteps, batch, lr, wd);
            }
        }
        String set = dataset == null ? "mnist" : dataset;
        String problem = ImageFolder.datasetProblem(set, dataDir);
        if (problem != null) {
            f.error("dataset", set, problem);
        }
        if (!f.ok() || common == null || training == null) {
            return null;
        }
        ImageLoopConfig config = new ImageLoopConfig(
                set,
                dataDir,
                width,
                training,
                common.rows(),
                common.generations(),
                common.arms(),
                common.seeds(),
                common.seed());
        // Each generation draws new images: the data set must hold (generations + 1)·rows (checked when it is present).
        long need = (long) (common.generations() + 1) * common.rows();
        int have = ImageFolder.trainCount(config.folder());
        if (have >= 0 && need > have) {
            f.error(
                    "rows",
                    common.rows(),
                    "at most " + have / (common.generations() + 1) + " with generations = "
                            + common.generations() + ": each generation needs new images, and " + set + " has " + have
                            + " training images ((generations + 1)·rows = " + need + ")");
            return null;
        }
        return new LoopStudy(name, config, quick);
    }
}
