/**
 * Deterministic equivalents of the test error (Dohmatob et al., ICLR 2025) with their solver certificates ({@code
 * TheoryResult}), and the closed forms they reduce to.
 */
package org.collapselab.theory;
