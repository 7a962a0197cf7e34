/** Summaries of repeated measurements shared by the whole toolkit: {@link org.collapselab.stats.Summary}. */
package org.collapselab.stats;
