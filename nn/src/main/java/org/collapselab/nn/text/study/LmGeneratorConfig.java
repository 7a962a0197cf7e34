package org.collapselab.nn.text.study;

import java.io.Serializable;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.quality.SampleFilter;

/**
 * One generator of synthetic text: a model trained on the real training split with its own plan, sampled and
 * filtered. A study replicates each generator ({@code generator_seeds}), so that its intervals include the variance
 * between generators.
 *
 * @param name label used in arms and claims, e.g. {@code strong}, {@code weak}
 * @param model its architecture (its context is the students')
 * @param plan its training plan (the token budget sets its quality)
 * @param filter which generated documents are kept
 */
public record LmGeneratorConfig(String name, GptConfig model, TrainingPlan plan, SampleFilter filter)
        implements Serializable {}
