/**
 * Shared by every module: the one summary of repeated measurements ({@link org.collapselab.stats.Summary}: mean, sd,
 * n) and the one seed derivation ({@link org.collapselab.stats.Seeds}), with the older formulas that stored results
 * depend on.
 */
package org.collapselab.stats;
