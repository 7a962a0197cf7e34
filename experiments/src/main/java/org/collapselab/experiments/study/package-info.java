/**
 * The study plug-in API ({@code StudyFamily}, {@code Study}, {@code CellJob}) and the one study-file reader every
 * family uses (framework: knows no family).
 */
package org.collapselab.experiments.study;
