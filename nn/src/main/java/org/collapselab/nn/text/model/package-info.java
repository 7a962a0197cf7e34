/**
 * Small GPT-style language models on DJL and PyTorch, and their training.
 */
package org.collapselab.nn.text.model;
