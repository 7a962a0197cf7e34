/**
 * Byte-pair-encoding tokenizer and its cache.
 */
package org.collapselab.nn.text.tokenizer;
