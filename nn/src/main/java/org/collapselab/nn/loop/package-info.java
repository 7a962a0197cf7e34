/**
 * Neural retraining loops over generations: what the image and language loops share (arms, cells, claims, report).
 */
package org.collapselab.nn.loop;
