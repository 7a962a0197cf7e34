/**
 * Text corpora: loading, splitting, evaluation windows, prompts and mixtures.
 */
package org.collapselab.nn.text.corpus;
