/**
 * The {@code diagnose-mnist} study family: {@code diagnose} on MNIST principal components, real vs a weak
 * generator's labels.
 */
package org.collapselab.nn.image.diagnose;
