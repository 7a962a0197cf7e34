/**
 * {@code forecast}: reading pilot files, and writing the fitted law's forecasts as text, JSON and figures.
 */
package org.collapselab.experiments.forecast;
