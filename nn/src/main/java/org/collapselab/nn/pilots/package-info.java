/**
 * {@code forecast --real}: pilot runs of a learner (ridge, logistic, a two-layer network or random features) on a
 * user's real and synthetic rows, sized to a time budget and run through the study runner, written as a pilot file
 * for the collapse-law forecast.
 */
package org.collapselab.nn.pilots;
