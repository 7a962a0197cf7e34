package org.collapselab.forecast;

/**
 * The pilot runs sharing one training mix (n, p2, A), summarised for the fit.
 *
 * @param n training rows
 * @param p2 synthetic share
 * @param weight synthetic-row weight A
 * @param runs number of runs
 * @param mean mean error (inverse-variance weighted when the runs carry standard errors)
 * @param stderr standard error of {@code mean} under the pilot set's noise model ({@link PilotSet.NoiseModel})
 * @param spread standard deviation over the runs (NaN for one run)
 */
public record PilotGroup(long n, double p2, double weight, int runs, double mean, double stderr, double spread) {}
