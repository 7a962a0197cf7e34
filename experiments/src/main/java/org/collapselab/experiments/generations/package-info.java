/**
 * The {@code generations} study family: retraining loops of ridge regression over generations, theory against
 * simulation.
 */
package org.collapselab.experiments.generations;
