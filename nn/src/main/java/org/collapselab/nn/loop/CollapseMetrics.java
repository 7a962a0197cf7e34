package org.collapselab.nn.loop;

/**
 * What a language model of a loop generation measures beyond its real-test loss, chosen to see tails vanish at
 * this small scale: how typical its text is for generation 0 (the mean loss of its samples under generation 0's
 * model, the log of their perplexity), its loss on the rare tokens of the real test text, the entropy of its
 * next-token distribution on real text, and the diversity of its text on a fixed number of dictionary words
 * (length-matched, and blind to non-words, which raise distinct-n).
 *
 * @param firstModelLoss mean loss of this generation's samples under generation 0's model (nats/token)
 * @param rareLoss real-test loss on the rare tokens (nats/token)
 * @param entropy mean predictive entropy on the real test windows (nats)
 * @param matchedWords dictionary words the length-matched measures use (0: too few words, measures NaN)
 * @param matchedDistinct1 distinct-1 over the first {@code matchedWords} dictionary words
 * @param matchedDistinct2 distinct-2 over the same words
 */
public record CollapseMetrics(
        double firstModelLoss,
        double rareLoss,
        double entropy,
        int matchedWords,
        double matchedDistinct1,
        double matchedDistinct2) {}
