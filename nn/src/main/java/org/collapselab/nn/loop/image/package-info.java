/**
 * The {@code image-loop} study family.
 */
package org.collapselab.nn.loop.image;
