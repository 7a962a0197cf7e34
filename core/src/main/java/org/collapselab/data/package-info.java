/**
 * Data of the Gaussian model: feature laws, teachers, the synthetic shift, mixtures of real and synthetic rows and
 * their statistics.
 */
package org.collapselab.data;
