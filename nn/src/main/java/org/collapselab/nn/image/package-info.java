/**
 * The image experiment: feed-forward networks (two-layer, trained end to end, and random features) trained on
 * mixtures of real and synthetic MNIST-format data, with the paper's figures and claims.
 *
 * <p>Sub-packages: {@code data} (IDX files, data sets, mixtures), {@code model} (networks on DJL + PyTorch),
 * {@code synthetic} (the generator of synthetic labels and its measured quality), {@code experiment} (cells, grids,
 * sweeps, figures and the report). {@link org.collapselab.nn.image.MnistReproduction} is the entry point of
 * {@code collapselab reproduce mnist}.
 */
package org.collapselab.nn.image;
