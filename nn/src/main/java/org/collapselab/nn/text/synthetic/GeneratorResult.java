package org.collapselab.nn.text.synthetic;

/**
 * The synthetic-data generator and what it produced.
 *
 * @param model architecture label (layers × width)
 * @param trainTokens tokens it was trained on
 * @param realTestLoss its own loss on the real test split (nats/token): the quality of the synthetic data
 * @param tokensPerSecond its training throughput
 * @param generatedTokens synthetic tokens generated
 * @param generationTokensPerSecond sampling throughput (key/value-cached)
 * @param syntheticFile file name (in the experiment folder) of the generated text
 * @param excerpt the first characters of the synthetic text
 * @param seconds wall time (training, evaluation and generation)
 */
public record GeneratorResult(String model, long trainTokens, double realTestLoss, double tokensPerSecond,
    long generatedTokens, double generationTokensPerSecond, String syntheticFile, String excerpt, double seconds) {}
