package org.collapselab.nn.image.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.image.synthetic.LabelKind;

/**
 * Reads and validates image-study files ({@code kind: image}), e.g. the bundled {@code studies/mnist.yaml}:
 *
 * <pre>
 * name: mnist                      # experiment name in the result database
 * kind: image
 * description: ...
 * dataset: mnist                   # mnist | fashion-mnist | any name with data_dir
 * data_dir: /my/idx/folder         # optional: a folder of IDX files, plain or .gz
 * runs: 3                          # seeds per cell
 * seed: 1
 * p2: [0, 0.01, 0.1, 0.3, 0.6, 0.9]
 * generator: {samples: 500, width: 128, epochs: 20, min_steps: 500, batch_size: 128, learning_rate: 0.001,
 *             labels: soft, noise: 0, seed: 7}
 * generator_seeds: 5               # replicates of each generator: seed i uses replicate i mod generator_seeds
 * reserved: 5000                   # training images set aside for generators
 * training: {epochs: 10, min_steps: 1000, batch_size: 128, learning_rate: 0.001, weight_decay: 0}
 * ridge: 1.0e-4                    # random-features readout penalty
 * width_sweeps: [{network: random_features, n: 2000, widths: [100, 500, 2000, 8000], labels: hard,
 *                 generator_samples: [500, 3000]}]   # labels, generator_samples optional
 * size_sweeps: [{network: two_layer, width: 128, n: [1000, 4000, 16000], generator_samples: [500, 3000],
 *                early_stopping: false}]             # generator_samples, early_stopping optional
 * quality_sweep: {network: two_layer, width: 128, n: 4000, generator_samples: [100, 1000]}
 * quick: {runs: 2, ...}            # overrides used by --quick (any key above but name and kind)
 * </pre>
 *
 * Every problem is reported at once, one line each naming the file, the field, the value and what is allowed
 * ({@link StudyFileException}).
 */
public final class ImageStudyReader implements StudyFamily {
    private static final Set<String> TRAINING_KEYS =
            Set.of("epochs", "min_steps", "batch_size", "learning_rate", "weight_decay", "patience", "validation");
    private static final Set<String> GENERATOR_KEYS = Set.of(
            "samples",
            "width",
            "epochs",
            "min_steps",
            "batch_size",
            "learning_rate",
            "weight_decay",
            "labels",
            "noise",
            "seed");

    private StudyFile f;

    @Override
    public String kind() {
        return "image";
    }

    @Override
    public org.collapselab.experiments.study.Schema schema() {
        return ImageSchema.SCHEMA;
    }

    @Override
    public ImageStudy read(StudyFile file, boolean quick) {
        ImageStudyReader r = new ImageStudyReader();
        r.f = file;
        return r.build(quick);
    }

    /** A bundled study ({@code mnist}, {@code mnist-fashion}); {@code quick} applies its quick overrides. */
    public static ImageStudy bundled(String name, boolean quick) {
        return parse(StudyFile.bundled(name), quick);
    }

    /** Reads and validates a study file. */
    public static ImageStudy load(Path path, boolean quick) {
        return parse(StudyFile.read(path), quick);
    }

    /** Parses and validates study text; {@code fileName} is used in messages. */
    public static ImageStudy parse(String fileName, String yaml, boolean quick) {
        return parse(StudyFile.parse(fileName, yaml), quick);
    }

    private static ImageStudy parse(StudyFile file, boolean quick) {
        ImageStudy s = new ImageStudyReader().read(file, quick);
        file.check();
        return s;
    }

    private ImageStudy build(boolean quick) {
        if (!f.root().isObject()) {
            f.addError(StudyFile.topLevel(f.name(), f.root(), ImageSchema.SCHEMA.keys()));
            return null;
        }
        ObjectNode merged = f.withQuick(quick, ImageSchema.SCHEMA.keys());
        String name = f.studyName(merged);
        String description = text(merged, "description", false);
        String dataset = text(merged, "dataset", true);
        String dataDir = text(merged, "data_dir", false);
        if (dataset != null && org.collapselab.nn.image.data.ImageFolder.datasetProblem(dataset, dataDir) != null) {
            error("dataset", dataset, org.collapselab.nn.image.data.ImageFolder.datasetProblem(dataset, dataDir));
        }
        f.real(merged, "budget_minutes", "budget_minutes", 0.1, 10_000, 60, true); // documented wall-time budget
        int runs = integer(merged, "runs", 1, 100, 3);
        long seed = longValue(merged, "seed", 0);
        List<Double> p2 = f.realList(merged.path("p2"), "p2", 0, 1);
        int reserved = integer(merged, "reserved", 10, 999_999, 5000);
        TrainingPlan training = training(merged.path("training"), "training", TRAINING_KEYS);
        GeneratorPlan generator = generator(merged.path("generator"), reserved);
        if (training != null
                && training.validation() > 0
                && generator != null
                && training.validation() + generator.samples() > reserved) {
            error(
                    "training.validation",
                    training.validation(),
                    "at most reserved − generator.samples = " + (reserved - generator.samples())
                            + " (validation images are the end of the reserved slice)");
        }
        double ridge = real(merged, "ridge", 1e-12, 1e6, 1e-4, false);
        int generatorSeeds = integer(merged, "generator_seeds", 1, 100, 1);
        List<WidthSweep> widthSweeps =
                entries(merged, "width_sweeps", "{network, n, widths, generator_samples, labels}", (w, f) -> {
                    NetworkKind k = network(w.path("network"), f + ".network");
                    int n = integer(w, "n", f + ".n", 1, 1_000_000, -1);
                    List<Integer> widths = intList(w.path("widths"), f + ".widths", 1, 200_000);
                    List<Integer> gs = w.has("generator_samples")
                            ? intList(w.path("generator_samples"), f + ".generator_samples", 10, reserved)
                            : List.of();
                    LabelKind labels = w.has("labels") ? labels(w.path("labels"), f + ".labels") : null;
                    return k != null && n > 0 && widths != null && gs != null && (labels != null || !w.has("labels"))
                            ? new WidthSweep(k, n, widths, gs, labels)
                            : null;
                });
        List<SizeSweep> sizeSweeps =
                entries(merged, "size_sweeps", "{network, width, n, generator_samples, early_stopping}", (z, f) -> {
                    NetworkKind k = network(z.path("network"), f + ".network");
                    int width = integer(z, "width", f + ".width", 1, 200_000, -1);
                    List<Integer> ns = intList(z.path("n"), f + ".n", 1, 1_000_000);
                    List<Integer> gs = z.has("generator_samples")
                            ? intList(z.path("generator_samples"), f + ".generator_samples", 10, reserved)
                            : List.of();
                    JsonNode es = z.path("early_stopping");
                    if (!es.isMissingNode() && !es.isBoolean()) {
                        error(f + ".early_stopping", es, "true or false");
                    }
                    return k != null && width > 0 && ns != null && gs != null
                            ? new SizeSweep(k, width, ns, gs, es.asBoolean(true))
                            : null;
                });
        QualitySweep quality = null;
        JsonNode qs = merged.path("quality_sweep");
        if (!qs.isMissingNode() && !qs.isNull()) {
            String f = "quality_sweep";
            unknownKeys(qs, Set.of("network", "width", "n", "generator_samples"), f + ".");
            NetworkKind k = network(qs.path("network"), f + ".network");
            int width = integer(qs, "width", f + ".width", 1, 200_000, -1);
            int n = integer(qs, "n", f + ".n", 1, 1_000_000, -1);
            List<Integer> gs = intList(qs.path("generator_samples"), f + ".generator_samples", 10, reserved);
            if (k != null && width > 0 && n > 0 && gs != null) {
                quality = new QualitySweep(k, width, n, gs);
            }
        }
        if (widthSweeps.isEmpty() && sizeSweeps.isEmpty() && quality == null && f.ok()) {
            f.error("width_sweeps, size_sweeps, quality_sweep", null, "at least one sweep");
        }
        if (!f.ok()) {
            return null;
        }
        return new ImageStudy(
                name,
                description == null ? "" : description,
                dataset,
                dataDir,
                runs,
                seed,
                p2,
                generator,
                reserved,
                training,
                ridge,
                widthSweeps,
                sizeSweeps,
                quality,
                generatorSeeds);
    }

    private TrainingPlan training(JsonNode t, String field, Set<String> keys) {
        if (!t.isObject()) {
            error(field, t, "a mapping with keys " + new TreeSet<>(keys));
            return null;
        }
        unknownKeys(t, keys, field + ".");
        int epochs = integer(t, "epochs", field + ".epochs", 1, 100_000, 10);
        int minSteps = integer(t, "min_steps", field + ".min_steps", 0, 10_000_000, 0);
        int batch = integer(t, "batch_size", field + ".batch_size", 1, 1_000_000, 128);
        double lr = real(t, "learning_rate", field + ".learning_rate", 1e-9, 10, 1e-3, false);
        double wd = real(t, "weight_decay", field + ".weight_decay", 0, 10, 0, true);
        int patience = keys.contains("patience") ? integer(t, "patience", field + ".patience", 0, 1000, 0) : 0;
        int validation =
                keys.contains("validation") ? integer(t, "validation", field + ".validation", 1, 100_000, 1000) : 0;
        if (epochs < 1
                || minSteps < 0
                || batch < 1
                || Double.isNaN(lr)
                || Double.isNaN(wd)
                || patience < 0
                || validation < 0) {
            return null;
        }
        return new TrainingPlan(epochs, minSteps, batch, lr, wd, patience, patience > 0 ? validation : 0);
    }

    private GeneratorPlan generator(JsonNode g, int reserved) {
        TrainingPlan t = training(g, "generator", GENERATOR_KEYS);
        if (t == null) {
            return null;
        }
        int samples = integer(g, "samples", "generator.samples", 10, Math.max(10, reserved), 500);
        int width = integer(g, "width", "generator.width", 1, 100_000, 128);
        LabelKind labels = g.has("labels") ? labels(g.path("labels"), "generator.labels") : LabelKind.SOFT;
        double noise = real(g, "noise", "generator.noise", 0, 100, 0, true);
        long seed = longValue(g, "seed", "generator.seed", 0);
        if (samples < 0 || width < 0 || Double.isNaN(noise) || labels == null) {
            return null;
        }
        return new GeneratorPlan(samples, width, t, labels, noise, seed);
    }

    private LabelKind labels(JsonNode l, String field) {
        String v = l.asText("").toUpperCase(Locale.ROOT);
        if (l.isTextual() && (v.equals("SOFT") || v.equals("HARD"))) {
            return LabelKind.valueOf(v);
        }
        error(field, l, "soft or hard");
        return null;
    }

    private NetworkKind network(JsonNode v, String field) {
        String s = v.asText("").toUpperCase(Locale.ROOT).replace('-', '_');
        for (NetworkKind k : NetworkKind.values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        error(field, v, "two_layer, random_features or random_features_adam");
        return null;
    }

    private String text(JsonNode node, String key, boolean required) {
        return f.text(node, key, key, required);
    }

    private int integer(JsonNode node, String key, int min, int max, int dflt) {
        return f.integer(node, key, key, min, max, dflt);
    }

    private int integer(JsonNode node, String key, String field, int min, int max, int dflt) {
        return f.integer(node, key, field, min, max, dflt);
    }

    private long longValue(JsonNode node, String key, long dflt) {
        return f.longValue(node, key, key, Long.MIN_VALUE, Long.MAX_VALUE, dflt);
    }

    private long longValue(JsonNode node, String key, String field, long dflt) {
        return f.longValue(node, key, field, Long.MIN_VALUE, Long.MAX_VALUE, dflt);
    }

    private double real(JsonNode node, String key, double min, double max, double dflt, boolean minInclusive) {
        return f.real(node, key, key, min, max, dflt, minInclusive);
    }

    private double real(
            JsonNode node, String key, String field, double min, double max, double dflt, boolean minInclusive) {
        return f.real(node, key, field, min, max, dflt, minInclusive);
    }

    private List<Integer> intList(JsonNode v, String field, int min, int max) {
        return f.intList(v, field, min, max);
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        f.unknownKeys(node, allowed, prefix);
    }

    private void error(String field, Object value, String allowed) {
        f.error(field, value, allowed);
    }

    /**
     * The entries of an optional list {@code key} of mappings with the keys named in {@code shape} (e.g.
     * {@code {network, n, widths}}): unknown keys and a non-list are recorded; {@code one} reads an entry (null when
     * it had errors).
     */
    private <T> List<T> entries(
            JsonNode parent, String key, String shape, java.util.function.BiFunction<JsonNode, String, T> one) {
        List<T> out = new ArrayList<>();
        JsonNode list = parent.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            error(key, list, "a list of " + shape);
            return out;
        }
        Set<String> keys = Set.of(shape.substring(1, shape.length() - 1).split(", "));
        for (int i = 0; i < list.size(); i++) {
            String f = key + "[" + i + "]";
            unknownKeys(list.get(i), keys, f + ".");
            T t = one.apply(list.get(i), f);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
