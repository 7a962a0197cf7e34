/**
 * Image data: IDX files, data sets and image sets.
 */
package org.collapselab.nn.image.data;
