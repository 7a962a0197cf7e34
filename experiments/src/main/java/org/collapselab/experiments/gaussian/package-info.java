/**
 * The Gaussian study family ({@code kind: gaussian}, the default): the declarative theory/simulation sweeps, their
 * grid, cells, figures, claims and report.
 */
package org.collapselab.experiments.gaussian;
