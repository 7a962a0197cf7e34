package org.collapselab.nn.text.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.StudyFile;

/**
 * Study-file entries of the language models, shared by the language-model study and loop readers: a model shape
 * {@code {name, layers, width, heads, context}} and a training plan {@code {tokens, batch, learning_rate, warmup,
 * final_lr, weight_decay, eval_points}}. Problems are recorded on the {@link StudyFile}.
 */
public final class ModelFields {
    private static final Set<String> MODEL_KEYS = Set.of("name", "layers", "width", "heads", "context");
    private static final Set<String> PLAN_KEYS =
            Set.of("tokens", "batch", "learning_rate", "warmup", "final_lr", "weight_decay", "eval_points");

    private ModelFields() {}

    /** A model entry, or null after recording its problems on {@code f}. */
    public static GptConfig model(StudyFile f, JsonNode m, String field) {
        if (!m.isObject()) {
            f.error(field, m, "a mapping with keys name, layers, width, heads, context");
            return null;
        }
        f.unknownKeys(m, MODEL_KEYS, field + ".");
        String name = f.text(m, "name", field + ".name", true);
        int layers = f.integer(m, "layers", field + ".layers", 1, 48, -1);
        int width = f.integer(m, "width", field + ".width", 1, 8192, -1);
        int heads = f.integer(m, "heads", field + ".heads", 1, 128, -1);
        int context = f.integer(m, "context", field + ".context", 2, 4096, -1);
        if (name == null || layers < 1 || width < 1 || heads < 1 || context < 2) {
            return null;
        }
        if (width % heads != 0) {
            f.error(field + ".width", width, "a multiple of heads (" + heads + ")");
            return null;
        }
        return new GptConfig(name, layers, width, heads, context);
    }

    /** A training plan entry with a required {@code tokens}, or null after recording its problems on {@code f}. */
    public static TrainingPlan plan(StudyFile f, JsonNode p, String field) {
        return plan(f, p, field, -1);
    }

    /**
     * A training plan entry, or null after recording its problems on {@code f}; {@code tokens} defaults to
     * {@code defaultTokens} (required when it is negative).
     */
    public static TrainingPlan plan(StudyFile f, JsonNode p, String field, long defaultTokens) {
        if (!p.isObject()) {
            f.error(field, p, "a mapping with keys " + String.join(", ", new TreeSet<>(PLAN_KEYS)));
            return null;
        }
        f.unknownKeys(p, PLAN_KEYS, field + ".");
        long tokens = f.longValue(p, "tokens", field + ".tokens", 1, 10_000_000_000L, defaultTokens);
        if (tokens < 0) {
            f.error(field + ".tokens", p.path("tokens"), "an integer in [1, 10000000000]");
        }
        int batch = f.integer(p, "batch", field + ".batch", 1, 4096, 16);
        double lr = f.real(p, "learning_rate", field + ".learning_rate", 1e-6, 1, 3e-3, true);
        double warmup = f.real(p, "warmup", field + ".warmup", 0, 0.5, 0.05, true);
        double finalLr = f.real(p, "final_lr", field + ".final_lr", 0, 1, 0.1, true);
        double wd = f.real(p, "weight_decay", field + ".weight_decay", 0, 1, 0, true);
        int evals = f.integer(p, "eval_points", field + ".eval_points", 1, 1000, 4);
        if (tokens < 1 || batch < 1 || evals < 1 || Double.isNaN(lr + warmup + finalLr + wd)) {
            return null;
        }
        return new TrainingPlan(tokens, batch, lr, warmup, finalLr, wd, evals);
    }
}
