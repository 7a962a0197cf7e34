/**
 * The {@code lm-loop} study family.
 */
package org.collapselab.nn.loop.lm;
