/**
 * Feed-forward networks on DJL and PyTorch: the two-layer network, random features with a ridge readout, training
 * and evaluation.
 */
package org.collapselab.nn.image.model;
