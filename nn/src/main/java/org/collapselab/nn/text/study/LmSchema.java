package org.collapselab.nn.text.study;

import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Field.Type;
import org.collapselab.experiments.study.Schema;

/**
 * The field table of {@code kind: lm} ({@link LmStudyReader}): what {@code collapselab run --describe lm} prints and
 * {@code docs/studies.md} lists. The family contract checks that the reader knows exactly these keys.
 */
public final class LmSchema {
    private LmSchema() {}

    /** A model entry ({@code model:}, a generator's {@code model:}, the loop's {@code model:}). */
    public static final Schema.Group MODEL = new Schema.Group(
            "a model (model, generators items)",
            List.of(
                    Field.text("name", "", "label in the report"),
                    Field.integer("layers", 1, 48, "", "transformer blocks"),
                    Field.integer("width", 1, 8192, "", "embedding width (a multiple of heads)"),
                    Field.integer("heads", 1, 128, "", "attention heads"),
                    Field.integer("context", 2, 4096, "", "context length in tokens (the generator's)")));

    /** A training plan ({@code training:}, a generator's {@code training:}). */
    public static final Schema.Group PLAN = new Schema.Group(
            "a training plan (training, generators items)",
            List.of(
                    Field.integer("tokens", 1, 10_000_000_000L, "", "token budget"),
                    Field.integer("batch", 1, 4096, "16", "sequences per step"),
                    Field.number("learning_rate", 1e-6, 1, "0.003", "peak learning rate (AdamW)"),
                    Field.number("warmup", 0, 0.5, "0.05", "share of steps of linear warm-up"),
                    Field.number("final_lr", 0, 1, "0.1", "final learning rate as a share of the peak (cosine decay)"),
                    Field.number("weight_decay", 0, 1, "0", "decoupled weight decay"),
                    Field.integer("eval_points", 1, 1000, "4", "points of the loss curve")));

    /** A generator entry ({@code generators:} items). */
    public static final Schema.Group GENERATOR = new Schema.Group(
            "a generator (generators items)",
            List.of(
                    Field.text("name", "", "distinct lower-case name ([a-z][a-z0-9_]*), e.g. strong, weak"),
                    Field.nested("model", Type.MAPPING, "", "its model (fields of a model)"),
                    Field.nested("training", Type.MAPPING, "", "its training plan (fields of a training plan)"),
                    Field.nested(
                            "filter",
                            Type.MAPPING,
                            "-",
                            "filter of its samples: min_dictionary_share, max_loss, min_words, " + "drop_worst_loss")));

    static final Schema SCHEMA = new Schema(
            "lm",
            "A small GPT trained at several token budgets on real text mixed "
                    + "with strong- and weak-generator text at synthetic shares p2, with shifted-domain and dilution controls: "
                    + "real-test loss per budget, paired penalties against a minimal effect, and their slope against log T.",
            List.of(
                    Field.text(
                            "corpus",
                            "-",
                            "folder or file of the real text (default: $COLLAPSELAB_DATA/gutenberg, else "
                                    + "data/gutenberg)"),
                    Field.nested("files", Type.LIST, "-", "file names in the corpus folder (default: every *.txt)"),
                    Field.choice(
                            "unit", "file, block", "block", "a document: a whole file or a blank-line separated block"),
                    Field.number("test_fraction", 0.01, 0.5, "0.1", "share of the corpus held out as real test text"),
                    Field.number("validation_fraction", 0, 0.5, "0.05", "share of the training text for validation"),
                    Field.integer("split_chunk", 1, 100_000, "20", "units per chunk of the train/test split"),
                    Field.integer("vocab_size", 16, 65_536, "1024", "BPE vocabulary size"),
                    Field.integer("curve_eval_tokens", 16, 100_000_000L, "8192", "tokens per loss-curve evaluation"),
                    Field.integer("final_eval_tokens", 16, 100_000_000L, "65536", "tokens of the final evaluation"),
                    Field.nested("model", Type.MAPPING, "", "the student model (fields of a model)"),
                    Field.nested("training", Type.MAPPING, "", "the students' training plan, scaled to each budget"),
                    Field.numbers(
                            "budgets", 1, 1e10, "", "token budgets T of the students (each with its own schedule)"),
                    Field.numbers("p2", 0, 1, "", "synthetic shares"),
                    Field.integer("seeds", 1, 100, "1", "seeds per (budget, generator, p2)"),
                    Field.nested(
                            "generators",
                            Type.LIST,
                            "",
                            "the generators (entries below), e.g. a strong and a weak one"),
                    Field.integer(
                            "generator_seeds",
                            1,
                            100,
                            "1",
                            "replicates of each generator (seeds sharing one are one " + "unit of the intervals)"),
                    Field.number("temperature", 0.05, 5, "1", "sampling temperature of the generators"),
                    Field.number("top_p", 0.01, 1, "1", "nucleus sampling mass (1 = off)"),
                    Field.integer(
                            "synthetic_tokens",
                            1000,
                            1_000_000_000L,
                            "500000",
                            "synthetic tokens generated per " + "generator"),
                    Field.nested(
                            "shifted",
                            Type.MAPPING,
                            "-",
                            "shifted-domain control: files (another public-domain text) " + "and p2 (its shares)"),
                    Field.numbers("dilution_p2", 1e-6, 1 - 1e-6, "-", "dilution controls: real only at (1 − p2)·T"),
                    Field.integer("sample_length", 1, 100_000, "200", "characters of each sample in the report"),
                    Field.integer("samples", 0, 100, "2", "samples shown in the report"),
                    Field.integer("seed", 0, Long.MAX_VALUE / 2_000_000L, "2024", "base seed"),
                    Field.integer("threads", 1, 64, "1", "threads per cell (part of the cell's key)"),
                    Field.number("budget_minutes", 0.1, 10_000, "60", "documented wall-time budget")),
            List.of(MODEL, PLAN, GENERATOR));
}
