/**
 * What the neural families share: argument checks and the PyTorch runtime (engine and threads).
 */
package org.collapselab.nn.common;
