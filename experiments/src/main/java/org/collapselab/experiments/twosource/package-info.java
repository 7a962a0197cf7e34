/**
 * The {@code twosource} study family: the paper's weighted mixing of real and synthetic data, the strategies and
 * covariate shift.
 */
package org.collapselab.experiments.twosource;
