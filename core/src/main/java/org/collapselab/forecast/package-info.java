/**
 * The strong-collapse law fitted to pilot runs of any learner and extrapolated (Dohmatob et al., ICLR 2025): the
 * deterministic equivalent of ridge on effective spectrum atoms ({@code CollapseLaw}), its fit by variable projection
 * ({@code LawFitter}), the choice between saturating and unbounded laws ({@code LawSelection}), bootstrap intervals
 * ({@code LawBootstrap}), the per-share power-law baseline and the assembled forecast ({@code Forecaster}). No I/O.
 */
package org.collapselab.forecast;
