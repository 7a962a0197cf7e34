/**
 * Covariance spectra (isotropic, power law, from a file).
 */
package org.collapselab.spectrum;
