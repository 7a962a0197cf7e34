package org.collapselab.nn.text.study;

import org.collapselab.nn.text.model.TrainingCurve;

import java.util.List;

/**
 * One finished training run of the language-model experiment.
 *
 * @param model size label
 * @param layers transformer blocks
 * @param width embedding width
 * @param parameters trainable parameters
 * @param p2 synthetic share of the training mixture
 * @param seed seed index (0-based)
 * @param curve real-test loss along training
 * @param finalTestLoss real-test loss at the end on the larger final evaluation set (nats/token)
 * @param syntheticTestLoss loss on held-out synthetic text at the end (nats/token)
 * @param tokensPerSecond training throughput
 * @param samples text sampled from the model (seed 0 only; empty otherwise)
 * @param seconds wall time of the run including evaluations
 */
public record LmRunResult(String model, int layers, int width, long parameters, double p2, int seed,
    TrainingCurve curve, double finalTestLoss, double syntheticTestLoss, double tokensPerSecond,
    List<String> samples, double seconds) {
  public LmRunResult {
    samples = List.copyOf(samples);
  }
}
