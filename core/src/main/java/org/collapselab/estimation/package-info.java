/**
 * Estimating a user's two sources from data: c² with its interval, noise levels, spectra, and the validation of
 * recipes.
 */
package org.collapselab.estimation;
