/** Thin wrapper over BLAS/LAPACK (dev.ludovic.netlib): column-major dense matrices and the few kernels the models need. */
package org.collapselab.linalg;
