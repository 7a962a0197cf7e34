/**
 * Claims, verdicts against named thresholds, and the one {@code report.html} of an output folder (framework: knows
 * no family).
 */
package org.collapselab.experiments.report;
