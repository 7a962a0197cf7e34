/**
 * The {@code classification} study family (error vs n and λ under flipped synthetic labels, the breakdown of
 * verification) and the one JSON form and flag parsing of the classification task.
 */
package org.collapselab.experiments.classification;
