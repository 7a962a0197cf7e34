/**
 * Benchmarks behind {@code collapselab bench}: the numerical kernels and the server's theory endpoint (kept out of the library jars).
 */
package org.collapselab.cli.bench;
