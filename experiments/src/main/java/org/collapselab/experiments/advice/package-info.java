/**
 * The figure of {@code collapselab advise}.
 */
package org.collapselab.experiments.advice;
