/**
 * The {@code collapselab} command line: picocli commands over the library, the CLI workflows that print ({@code
 * Workflows}) and the one table from exceptions to exit codes and messages ({@code ExitCodes}).
 */
package org.collapselab.cli;
