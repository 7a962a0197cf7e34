/**
 * Line and scatter figures in PNG and SVG, with one chart style (framework: knows no family).
 */
package org.collapselab.experiments.figures;
