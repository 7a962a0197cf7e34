/**
 * Theory-driven advice: the recipe search over synthetic rows, weight and penalty, the mixing strategies and the
 * regimes they fall in.
 */
package org.collapselab.advice;
