/**
 * Parameter parsing shared by the command line, the server and the study families: the problem flags
 * ({@link org.collapselab.experiments.params.ProblemFlags}) and spectrum specifications
 * ({@link org.collapselab.experiments.params.SpectrumSpecs}), each rejecting bad input with one line naming the field
 * and the allowed range.
 */
package org.collapselab.experiments.params;
