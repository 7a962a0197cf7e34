package org.collapselab.nn.loop;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.List;

/**
 * A neural loop study's settings for one model family (the language model or the image network): the arms, seeds,
 * generations, rows per generation, and how one loop runs. Implementations are records read from a study file.
 */
public interface LoopConfig extends Serializable {
    /** Which model family, for titles: {@code language model} or {@code image network}. */
    String family();

    /** The arms (schedule, fresh real share), in report order. */
    List<LoopArm> arms();

    /** Seeds per arm (0..seeds−1; arms are paired by seed). */
    int seeds();

    /** The last generation K (generations 0..K run). */
    int generations();

    /** Rows n per generation. */
    int rows();

    /** Seed every loop's seeds derive from. */
    long baseSeed();

    /** Canonical JSON of everything that fixes a loop's numbers (data identity included; reads data if needed). */
    String configJson();

    /** One whole loop of an arm and seed, computed here with {@code threads} PyTorch threads. */
    LoopResult run(LoopArm arm, int seed, int threads, PrintStream log) throws Exception;

    /** One line naming the missing data (and how to get it), or null when the data is present. */
    String unavailable();

    /** Estimated wall seconds of one loop on one idle core, from the throughput measured on the 2-core machine. */
    double estimatedSeconds(LoopArm arm);

    /** What the loop does and on which data, in words for the report (plain text, escaped by the caller). */
    String describe();

    /** The loss's name and unit for axes, e.g. {@code real-test loss (nats/token)}. */
    String lossLabel();

    /** The loss's unit in claim texts, e.g. {@code nats/token}. */
    String lossUnit();

    /** The smallest loss difference that matters, named, for the claims' tests. */
    org.collapselab.experiments.report.Threshold minEffect();
}
