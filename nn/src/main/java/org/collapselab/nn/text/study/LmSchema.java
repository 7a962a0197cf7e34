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

  /** A model entry ({@code models:} items, {@code generator:}, the loop's {@code model:}). */
  public static final Schema.Group MODEL = new Schema.Group("a model (models items, generator)", List.of(
      Field.text("name", "", "label in the report"),
      Field.integer("layers", 1, 48, "", "transformer blocks"),
      Field.integer("width", 1, 8192, "", "embedding width (a multiple of heads)"),
      Field.integer("heads", 1, 128, "", "attention heads"),
      Field.integer("context", 2, 4096, "", "context length in tokens (the generator's)")));

  /** A training plan ({@code training:}, {@code generator_training:}). */
  public static final Schema.Group PLAN = new Schema.Group("a training plan (training, generator_training)",
      List.of(
          Field.integer("tokens", 1, 10_000_000_000L, "", "token budget"),
          Field.integer("batch", 1, 4096, "16", "sequences per step"),
          Field.number("learning_rate", 1e-6, 1, "0.003", "peak learning rate (AdamW)"),
          Field.number("warmup", 0, 0.5, "0.05", "share of steps of linear warm-up"),
          Field.number("final_lr", 0, 1, "0.1", "final learning rate as a share of the peak (cosine decay)"),
          Field.number("weight_decay", 0, 1, "0", "decoupled weight decay"),
          Field.integer("eval_points", 1, 1000, "4", "points of the loss curve")));

  static final Schema SCHEMA = new Schema("lm", "Small GPT language models trained on real text mixed with a "
      + "generator model's text at synthetic shares p2, same token budget: real-test loss against p2, model size "
      + "and tokens, with paired-seed claims.", List.of(
          Field.text("corpus", "-", "folder or file of the real text (default: $COLLAPSELAB_DATA/gutenberg, else "
              + "data/gutenberg)"),
          Field.nested("files", Type.LIST, "-", "file names in the corpus folder (default: every *.txt)"),
          Field.choice("unit", "file, block", "block", "a document: a whole file or a blank-line separated block"),
          Field.number("test_fraction", 0.01, 0.5, "0.1", "share of the corpus held out as real test text"),
          Field.integer("split_chunk", 1, 100_000, "20", "units per chunk of the train/test split"),
          Field.nested("models", Type.LIST, "", "the models trained (entries below)"),
          Field.nested("training", Type.MAPPING, "", "the models' training plan (fields below)"),
          Field.numbers("p2", 0, 1, "", "synthetic shares"),
          Field.integer("seeds", 1, 100, "1", "seeds per (model, p2)"),
          Field.nested("generator", Type.MAPPING, "", "the generator model (fields below)"),
          Field.nested("generator_training", Type.MAPPING, "", "the generator's training plan"),
          Field.number("generator_slice", 0.01, 1, "1", "share of the real training text the generator sees"),
          Field.number("temperature", 0.05, 5, "1", "sampling temperature of the generator"),
          Field.number("top_p", 0.01, 1, "1", "nucleus sampling mass (1 = off)"),
          Field.integer("synthetic_tokens", 1000, 1_000_000_000L, "800000", "synthetic tokens generated"),
          Field.integer("curve_eval_tokens", 16, 100_000_000L, "8192", "tokens per loss-curve evaluation"),
          Field.integer("final_eval_tokens", 16, 100_000_000L, "65536", "tokens of the final evaluation"),
          Field.integer("sample_length", 1, 100_000, "600", "characters of each sample in the report"),
          Field.integer("samples", 0, 100, "2", "samples shown in the report"),
          Field.integer("seed", 0, Long.MAX_VALUE / 2_000_000L, "2024", "base seed"),
          Field.integer("vocab_size", 16, 65_536, "1024", "BPE vocabulary size"),
          Field.number("validation_fraction", 0, 0.5, "0.05", "share of the training text for validation"),
          Field.numbers("size_p2", 0, 1, "-", "shares (among p2) of the model-size panel"),
          Field.nested("filter", Type.MAPPING, "-", "filter of synthetic samples: min_dictionary_share, max_loss, "
              + "min_words, drop_worst_loss"),
          Field.number("budget_minutes", 0.1, 10_000, "60", "documented wall-time budget")),
      List.of(MODEL, PLAN));
}
