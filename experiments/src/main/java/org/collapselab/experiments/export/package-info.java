/**
 * Export of stored cells as CSV or JSON rows (framework: knows no family).
 */
package org.collapselab.experiments.export;
