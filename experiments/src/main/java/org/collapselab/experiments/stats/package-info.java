/**
 * Interval statistics shared by the families' claims.
 */
package org.collapselab.experiments.stats;
