/**
 * Measures of generated text and the filter of samples.
 */
package org.collapselab.nn.text.quality;
