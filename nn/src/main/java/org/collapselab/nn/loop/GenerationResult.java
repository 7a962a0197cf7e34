package org.collapselab.nn.loop;

import org.collapselab.nn.text.quality.TextMeasures;

/**
 * What one generation of a neural loop measured.
 *
 * @param generation k (0 = trained on real data only)
 * @param trainingRows rows the generation trained on (n under replace, (k+1)·n under accumulate)
 * @param realRows how many of them were real (true labels, real text)
 * @param loss real-test loss: nats/token (language model) or mean squared error against one-hot labels (image)
 * @param error real-test classification error (image); NaN for the language model
 * @param diversity measures of the text this generation wrote (language model; null for images)
 * @param sample an excerpt of that text ("" for images)
 * @param metrics the language model's collapse metrics (null for images)
 * @param seconds wall time of the generation (training, labelling or sampling, evaluation)
 */
public record GenerationResult(
        int generation,
        int trainingRows,
        int realRows,
        double loss,
        double error,
        TextMeasures diversity,
        String sample,
        CollapseMetrics metrics,
        double seconds) {}
