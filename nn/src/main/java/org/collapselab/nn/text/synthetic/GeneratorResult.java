package org.collapselab.nn.text.synthetic;

import org.collapselab.nn.text.quality.TextMeasures;

/**
 * The synthetic-data generator and what it produced.
 *
 * @param name the generator's name in its study (e.g. {@code strong})
 * @param replicate its replicate index
 * @param weightsHash SHA-256 of its trained weights
 * @param textHash SHA-256 of the kept synthetic text (the corpus the students train on)
 * @param wordListHash SHA-256 of the word list of the filter and the word measures ("" when none)
 * @param model architecture label (layers × width)
 * @param parameters its trainable parameters
 * @param temperature sampling temperature
 * @param topP nucleus share (1 = plain sampling)
 * @param trainTokens tokens it was trained on
 * @param realTestLoss its own loss on the real test split (nats/token): the quality of the synthetic data
 * @param tokensPerSecond its training throughput
 * @param generatedTokens synthetic tokens generated
 * @param generationTokensPerSecond sampling throughput (key/value-cached)
 * @param syntheticFile file name (in the experiment folder) of the generated text
 * @param excerpt the first characters of the synthetic text
 * @param seconds wall time (training, evaluation and generation)
 * @param documents generated documents before filtering
 * @param keptDocuments documents the sample filter kept (the synthetic training corpus)
 * @param keptTokens BPE tokens of the kept documents, separators included (exact)
 * @param droppedTokens BPE tokens of the dropped documents
 * @param droppedShort documents dropped as too short
 * @param droppedDictionary documents dropped for a low dictionary-word share
 * @param droppedLoss documents dropped for a high loss
 * @param lossCut loss per token above which documents were dropped (NaN: no loss rule)
 * @param raw word measures of all generated text
 * @param kept word measures of the kept text
 * @param real word measures of the real validation text (reference)
 * @param finalTrainLoss the generator's training loss over its last evaluation interval
 */
public record GeneratorResult(
        String name,
        int replicate,
        String weightsHash,
        String textHash,
        String wordListHash,
        String model,
        long parameters,
        double temperature,
        double topP,
        long trainTokens,
        double realTestLoss,
        double tokensPerSecond,
        long generatedTokens,
        double generationTokensPerSecond,
        String syntheticFile,
        String excerpt,
        double seconds,
        int documents,
        int keptDocuments,
        long keptTokens,
        long droppedTokens,
        int droppedShort,
        int droppedDictionary,
        int droppedLoss,
        double lossCut,
        TextMeasures raw,
        TextMeasures kept,
        TextMeasures real,
        double finalTrainLoss) {}
