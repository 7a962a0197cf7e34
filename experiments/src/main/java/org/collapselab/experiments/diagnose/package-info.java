/**
 * {@code collapselab diagnose}: CSV data files, the diagnosis of two sources, its validation and its report.
 */
package org.collapselab.experiments.diagnose;
