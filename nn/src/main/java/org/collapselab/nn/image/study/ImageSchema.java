package org.collapselab.nn.image.study;

import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Field.Type;
import org.collapselab.experiments.study.Schema;

/**
 * The field table of {@code kind: image} ({@link ImageStudyReader}): what {@code collapselab run --describe image}
 * prints and {@code docs/studies.md} lists. The family contract checks that the reader knows exactly these keys.
 */
final class ImageSchema {
    private ImageSchema() {}

    /** The training fields shared by {@code training:} and {@code generator:}. */
    static final List<Field> TRAINING = List.of(
            Field.integer("epochs", 1, 100_000, "10", "passes over the training rows"),
            Field.integer("min_steps", 0, 10_000_000, "0", "at least this many optimiser steps (small n)"),
            Field.integer("batch_size", 1, 1_000_000, "128", "rows per step"),
            Field.above("learning_rate", 1e-9, 10, "0.001", "Adam's learning rate"),
            Field.number("weight_decay", 0, 10, "0", "decoupled weight decay"));

    static final Schema SCHEMA = new Schema(
            "image",
            "Neural networks (two-layer, random features) trained on real "
                    + "images mixed with a generator network's labels: test error against the synthetic share p2 over width "
                    + "sweeps, size sweeps and generator quality, with paired-seed claims.",
            List.of(
                    Field.text("dataset", "mnist, fashion-mnist or any name with data_dir", "", "the image data set"),
                    Field.text("data_dir", "-", "folder of the IDX files (default: the data set's folder under data/)"),
                    Field.integer("runs", 1, 100, "3", "seeds (replicates) per cell; replicate r uses seed + r"),
                    Field.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, "0", "base seed"),
                    Field.integer(
                            "generator_seeds",
                            1,
                            100,
                            "1",
                            "generator replicates: seeds sharing a replicate are one unit "
                                    + "of the claims' intervals (generator-to-generator variance)"),
                    Field.numbers("p2", 0, 1, "", "synthetic shares"),
                    Field.integer(
                            "reserved",
                            10,
                            999_999,
                            "5000",
                            "training images set aside for the generator and validation"),
                    Field.nested(
                            "training",
                            Type.MAPPING,
                            "",
                            "the networks' training (fields below, plus patience and " + "validation)"),
                    Field.nested("generator", Type.MAPPING, "", "the generator network (fields below)"),
                    Field.above("ridge", 1e-12, 1e6, "0.0001", "ridge of the random-features readout"),
                    Field.nested("width_sweeps", Type.LIST, "-", "entries {network, n, widths}"),
                    Field.nested("size_sweeps", Type.LIST, "-", "entries {network, width, n, generator_samples}"),
                    Field.nested("quality_sweep", Type.MAPPING, "-", "{network, width, n, generator_samples}"),
                    Field.number("budget_minutes", 0.1, 10_000, "60", "documented wall-time budget")),
            List.of(
                    new Schema.Group(
                            "training (also under generator)",
                            concat(
                                    TRAINING,
                                    List.of(
                                            Field.integer(
                                                    "patience",
                                                    0,
                                                    1000,
                                                    "0",
                                                    "early stopping after this many epochs without improvement "
                                                            + "(training only; 0 = off)"),
                                            Field.integer(
                                                    "validation",
                                                    1,
                                                    100_000,
                                                    "1000",
                                                    "validation images from the reserved slice (training "
                                                            + "only, with patience)")))),
                    new Schema.Group(
                            "generator",
                            List.of(
                                    Field.integer(
                                            "samples",
                                            10,
                                            999_999,
                                            "500",
                                            "real images the generator is trained on (≤ reserved)"),
                                    Field.integer("width", 1, 100_000, "128", "the generator's hidden width"),
                                    Field.choice(
                                            "labels", "soft, hard", "soft", "soft probabilities or hard argmax labels"),
                                    Field.number("noise", 0, 100, "0", "label noise added to the generator's outputs"),
                                    Field.integer(
                                            "seed", Long.MIN_VALUE, Long.MAX_VALUE, "0", "the generator's seed"))),
                    new Schema.Group(
                            "sweep entries",
                            List.of(
                                    Field.choice(
                                            "network",
                                            "two_layer, random_features, random_features_adam",
                                            "",
                                            "the network"),
                                    Field.integer("n", 1, 1_000_000, "", "real training rows (a list in size_sweeps)"),
                                    Field.integers("widths", 1, 200_000, "", "hidden widths (width_sweeps)"),
                                    Field.integer("width", 1, 200_000, "", "hidden width (size_sweeps, quality_sweep)"),
                                    Field.integers(
                                            "generator_samples",
                                            10,
                                            999_999,
                                            "-",
                                            "generators by training images (≤ reserved)")))));

    private static List<Field> concat(List<Field> a, List<Field> b) {
        List<Field> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
