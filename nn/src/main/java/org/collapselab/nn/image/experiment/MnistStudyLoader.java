package org.collapselab.nn.image.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.spec.ExperimentFileException;
import org.collapselab.experiments.spec.ExperimentLoader;
import org.collapselab.experiments.spec.SafeNames;
import org.collapselab.experiments.spec.StrictYaml;
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
 * reserved: 5000                   # training images set aside for generators
 * training: {epochs: 10, min_steps: 1000, batch_size: 128, learning_rate: 0.001, weight_decay: 0}
 * ridge: 1.0e-4                    # random-features readout penalty
 * width_sweeps: [{network: random_features, n: 2000, widths: [100, 500, 2000, 8000]}]
 * size_sweeps: [{network: two_layer, width: 128, n: [1000, 4000, 16000]}]
 * quality_sweep: {network: two_layer, width: 128, n: 4000, generator_samples: [100, 1000]}
 * quick: {runs: 2, ...}            # overrides used by --quick (any key above but name and kind)
 * </pre>
 *
 * Every problem is reported at once, one line each naming the file, the field, the value and what is allowed
 * ({@link ExperimentFileException}).
 */
public final class MnistStudyLoader {
  /** Resource folder of the bundled studies (the repository's {@code studies/}, packed by the experiments module). */
  public static final String BUNDLED = "/org/collapselab/experiments/studies/";

  private static final Set<String> KEYS = Set.of("name", "kind", "description", "dataset", "data_dir", "runs", "seed",
      "p2", "generator", "reserved", "training", "ridge", "width_sweeps", "size_sweeps", "quality_sweep", "quick");
  private static final Set<String> TRAINING_KEYS = Set.of("epochs", "min_steps", "batch_size", "learning_rate",
      "weight_decay");
  private static final Set<String> GENERATOR_KEYS = Set.of("samples", "width", "epochs", "min_steps", "batch_size",
      "learning_rate", "weight_decay", "labels", "noise", "seed");
  private static final String NETWORKS = "two_layer, random_features or random_features_adam";

  private final String file;
  private final List<String> errors = new ArrayList<>();

  private MnistStudyLoader(String file) {
    this.file = file;
  }

  /** Loads a bundled study ({@code mnist}, {@code mnist-fashion}); {@code quick} applies its quick overrides. */
  public static MnistStudy bundled(String name, boolean quick) {
    String res = BUNDLED + name + ".yaml";
    try (InputStream in = MnistStudyLoader.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("study " + name + " is not bundled (" + res + ")");
      }
      return parse("studies/" + name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), quick);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled study " + name, e);
    }
  }

  /** Reads and validates a study file. */
  public static MnistStudy load(Path path, boolean quick) {
    return parse(path.toString(), StrictYaml.readText(path), quick);
  }

  /** True when the YAML text declares {@code kind: image} (so the image experiment, not the Gaussian one, runs it). */
  public static boolean isImageStudy(String yaml) {
    try {
      JsonNode root = StrictYaml.readTree("", yaml);
      return root != null && "image".equals(root.path("kind").asText(""));
    } catch (ExperimentFileException e) {
      return false;
    }
  }

  /** Parses and validates study text; {@code fileName} is used in messages. */
  public static MnistStudy parse(String fileName, String yaml, boolean quick) {
    JsonNode root = ExperimentLoader.readYamlTree(fileName, yaml);
    MnistStudyLoader l = new MnistStudyLoader(fileName);
    MnistStudy s = l.build(root, quick);
    if (!l.errors.isEmpty()) {
      throw new ExperimentFileException(l.errors);
    }
    return s;
  }

  private MnistStudy build(JsonNode root, boolean quick) {
    if (root == null || !root.isObject()) {
      errors.add(file + ": expected a mapping of study keys (" + new TreeSet<>(KEYS) + ")");
      return null;
    }
    unknownKeys(root, KEYS, "");
    ObjectNode merged = ((ObjectNode) root).deepCopy();
    JsonNode q = root.path("quick");
    if (!q.isMissingNode() && !q.isNull()) {
      if (!q.isObject()) {
        error("quick", q, "a mapping overriding study keys");
      } else {
        Set<String> allowedQuick = new TreeSet<>(KEYS);
        allowedQuick.removeAll(Set.of("name", "kind", "quick"));
        unknownKeys(q, allowedQuick, "quick.");
        if (quick) {
          for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> en = it.next();
            JsonNode base = merged.get(en.getKey());
            if (base instanceof ObjectNode bo && en.getValue().isObject()) {
              bo.setAll((ObjectNode) en.getValue());
            } else {
              merged.set(en.getKey(), en.getValue());
            }
          }
        }
      }
    }
    JsonNode kind = merged.path("kind");
    if (!kind.isMissingNode() && !"image".equals(kind.asText())) {
      error("kind", kind, "image (or omit it)");
    }
    String name = text(merged, "name", true);
    if (name != null && !SafeNames.isValid(name)) {
      error("name", name, SafeNames.ALLOWED);
    }
    String description = text(merged, "description", false);
    String dataset = text(merged, "dataset", true);
    String dataDir = text(merged, "data_dir", false);
    int runs = integer(merged, "runs", 1, 100, 3);
    long seed = longValue(merged, "seed", 0);
    List<Double> p2 = new ArrayList<>();
    JsonNode p2Node = merged.path("p2");
    if (!p2Node.isArray() || p2Node.isEmpty()) {
      error("p2", p2Node, "a non-empty list of numbers in [0, 1]");
    } else {
      for (int i = 0; i < p2Node.size(); i++) {
        JsonNode v = p2Node.get(i);
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
          error("p2[" + i + "]", v, "a number in [0, 1]");
        } else if (p2.contains(v.asDouble())) {
          error("p2[" + i + "]", v, "each share once");
        } else {
          p2.add(v.asDouble());
        }
      }
    }
    int reserved = integer(merged, "reserved", 10, 999_999, 5000);
    TrainingPlan training = training(merged.path("training"), "training", TRAINING_KEYS);
    GeneratorPlan generator = generator(merged.path("generator"), reserved);
    double ridge = real(merged, "ridge", 1e-12, 1e6, 1e-4, false);
    List<WidthSweep> widthSweeps = new ArrayList<>();
    JsonNode ws = merged.path("width_sweeps");
    if (!ws.isMissingNode() && !ws.isNull()) {
      if (!ws.isArray()) {
        error("width_sweeps", ws, "a list of {network, n, widths}");
      } else {
        for (int i = 0; i < ws.size(); i++) {
          String f = "width_sweeps[" + i + "]";
          JsonNode w = ws.get(i);
          unknownKeys(w, Set.of("network", "n", "widths"), f + ".");
          NetworkKind k = network(w.path("network"), f + ".network");
          int n = integer(w, "n", f + ".n", 1, 1_000_000, -1);
          List<Integer> widths = intList(w.path("widths"), f + ".widths", 1, 200_000);
          if (k != null && n > 0 && widths != null) {
            widthSweeps.add(new WidthSweep(k, n, widths));
          }
        }
      }
    }
    List<SizeSweep> sizeSweeps = new ArrayList<>();
    JsonNode zs = merged.path("size_sweeps");
    if (!zs.isMissingNode() && !zs.isNull()) {
      if (!zs.isArray()) {
        error("size_sweeps", zs, "a list of {network, width, n}");
      } else {
        for (int i = 0; i < zs.size(); i++) {
          String f = "size_sweeps[" + i + "]";
          JsonNode z = zs.get(i);
          unknownKeys(z, Set.of("network", "width", "n"), f + ".");
          NetworkKind k = network(z.path("network"), f + ".network");
          int width = integer(z, "width", f + ".width", 1, 200_000, -1);
          List<Integer> ns = intList(z.path("n"), f + ".n", 1, 1_000_000);
          if (k != null && width > 0 && ns != null) {
            sizeSweeps.add(new SizeSweep(k, width, ns));
          }
        }
      }
    }
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
    if (widthSweeps.isEmpty() && sizeSweeps.isEmpty() && quality == null && errors.isEmpty()) {
      errors.add(file + ": width_sweeps, size_sweeps, quality_sweep: got nothing; allowed: at least one sweep");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new MnistStudy(name, description == null ? "" : description, dataset, dataDir, runs, seed, p2, generator,
        reserved, training, ridge, widthSweeps, sizeSweeps, quality);
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
    if (epochs < 1 || minSteps < 0 || batch < 1 || Double.isNaN(lr) || Double.isNaN(wd)) {
      return null;
    }
    return new TrainingPlan(epochs, minSteps, batch, lr, wd);
  }

  private GeneratorPlan generator(JsonNode g, int reserved) {
    TrainingPlan t = training(g, "generator", GENERATOR_KEYS);
    if (t == null) {
      return null;
    }
    int samples = integer(g, "samples", "generator.samples", 10, Math.max(10, reserved), 500);
    int width = integer(g, "width", "generator.width", 1, 100_000, 128);
    LabelKind labels = LabelKind.SOFT;
    JsonNode l = g.path("labels");
    if (!l.isMissingNode()) {
      String v = l.asText("").toUpperCase(Locale.ROOT);
      if (v.equals("SOFT") || v.equals("HARD")) {
        labels = LabelKind.valueOf(v);
      } else {
        error("generator.labels", l, "soft or hard");
      }
    }
    double noise = real(g, "noise", "generator.noise", 0, 100, 0, true);
    long seed = longValue(g, "seed", "generator.seed", 0);
    if (samples < 0 || width < 0 || Double.isNaN(noise)) {
      return null;
    }
    return new GeneratorPlan(samples, width, t, labels, noise, seed);
  }

  private NetworkKind network(JsonNode v, String field) {
    String s = v.asText("").toUpperCase(Locale.ROOT).replace('-', '_');
    for (NetworkKind k : NetworkKind.values()) {
      if (k.name().equals(s)) {
        return k;
      }
    }
    error(field, v, NETWORKS);
    return null;
  }

  private List<Integer> intList(JsonNode v, String field, int min, int max) {
    if (!v.isArray() || v.isEmpty()) {
      error(field, v, "a non-empty list of integers in [" + min + ", " + max + "]");
      return null;
    }
    List<Integer> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < v.size(); i++) {
      JsonNode x = v.get(i);
      if (!x.canConvertToInt() || !x.isIntegralNumber() || x.asInt() < min || x.asInt() > max) {
        error(field + "[" + i + "]", x, "an integer in [" + min + ", " + max + "]");
        ok = false;
      } else if (out.contains(x.asInt())) {
        error(field + "[" + i + "]", x, "each value once");
        ok = false;
      } else {
        out.add(x.asInt());
      }
    }
    return ok ? out : null;
  }

  private String text(JsonNode node, String key, boolean required) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      if (required) {
        error(key, v, "a non-empty text");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      error(key, v, "a non-empty text");
      return null;
    }
    return v.asText();
  }

  private int integer(JsonNode node, String key, int min, int max, int dflt) {
    return integer(node, key, key, min, max, dflt);
  }

  private int integer(JsonNode node, String key, String field, int min, int max, int dflt) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      if (dflt < 0) {
        error(field, v, "an integer in [" + min + ", " + max + "]");
      }
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
      error(field, v, "an integer in [" + min + ", " + max + "]");
      return -1;
    }
    return v.asInt();
  }

  private long longValue(JsonNode node, String key, long dflt) {
    return longValue(node, key, key, dflt);
  }

  private long longValue(JsonNode node, String key, String field, long dflt) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      error(field, v, "an integer");
      return dflt;
    }
    return v.asLong();
  }

  private double real(JsonNode node, String key, double min, double max, double dflt, boolean minInclusive) {
    return real(node, key, key, min, max, dflt, minInclusive);
  }

  private double real(JsonNode node, String key, String field, double min, double max, double dflt,
      boolean minInclusive) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return dflt;
    }
    double x = v.asDouble(Double.NaN);
    if (!v.isNumber() || !Double.isFinite(x) || x > max || (minInclusive ? x < min : x < min)) {
      error(field, v, "a number in " + (minInclusive ? "[" : "(") + (minInclusive ? min : 0) + ", " + max + "]");
      return Double.NaN;
    }
    return x;
  }

  private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!allowed.contains(k)) {
        errors.add(file + ": " + prefix + k + ": unknown key; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private void error(String field, Object value, String allowed) {
    errors.add(ExperimentFileException.line(file, field, value, allowed));
  }
}
