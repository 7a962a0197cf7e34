/**
 * The {@code diagnose-coverage} study family: coverage and accuracy of the c² interval on Gaussian data with known
 * truth, one cell per repetition.
 */
package org.collapselab.experiments.coverage;
