/**
 * Monte Carlo simulation of the test error, its samplers and their costs, and the retraining loops.
 */
package org.collapselab.simulation;
