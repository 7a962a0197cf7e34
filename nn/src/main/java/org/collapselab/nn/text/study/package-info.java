/**
 * The {@code lm} study family: language models trained on real and generated stories, claims and report.
 */
package org.collapselab.nn.text.study;
