package org.collapselab.nn.loop;

import java.util.List;
import org.collapselab.nn.text.quality.TextMeasures;

/**
 * One whole loop (a cell): an arm and a seed, generations 0..K in order.
 *
 * @param schedule the arm's schedule key
 * @param freshReal the arm's fresh real share r
 * @param variant the arm's variant (standard, or a control)
 * @param seed seed index (0-based; generation 0 is identical across arms for one seed, so arms are paired)
 * @param generations generations 0..K
 * @param reference the same measures on real text of the size of one generation's sample (language model; else
 *     null)
 * @param seconds wall time of the loop
 */
public record LoopResult(
        String schedule,
        double freshReal,
        String variant,
        int seed,
        List<GenerationResult> generations,
        TextMeasures reference,
        double seconds) {
    public LoopResult {
        generations = List.copyOf(generations);
    }

    /** The last generation. */
    public GenerationResult last() {
        return generations.get(generations.size() - 1);
    }
}
