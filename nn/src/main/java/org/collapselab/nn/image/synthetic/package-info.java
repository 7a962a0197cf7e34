/**
 * The generator of synthetic labels and its measured quality.
 */
package org.collapselab.nn.image.synthetic;
