/**
 * The {@code image} study family: networks trained on mixtures of real and synthetic labels, width and size sweeps,
 * figures, claims and report.
 */
package org.collapselab.nn.image.study;
