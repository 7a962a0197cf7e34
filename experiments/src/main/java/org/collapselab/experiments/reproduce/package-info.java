/**
 * {@code collapselab reproduce NAME}: the bundled reproductions (lists of study files with an introduction), run by
 * the code of {@code run}, and the full runs' verdicts beside quick ones (framework: knows no family).
 */
package org.collapselab.experiments.reproduce;
