/**
 * Linear classifiers on a Gaussian mixture trained on real rows and synthetic rows with flipped labels, optionally
 * verified: deterministic equivalents of the 0–1 error (square loss; logistic loss by the Gaussian-mixture saddle
 * point of Loureiro et al., NeurIPS 2021) with solver certificates, Monte Carlo simulation, pseudo-labelling loops,
 * the breakdown of verification (Feng et al., ICLR 2025) and a recipe advisor.
 */
package org.collapselab.classification;
