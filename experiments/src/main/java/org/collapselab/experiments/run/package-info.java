/**
 * The one runner: plans, shards, resumes and stores every study's cells on an executor (threads, child JVMs), the
 * library calls behind {@code run}, and the family contract checked against every family (framework: knows no
 * family).
 */
package org.collapselab.experiments.run;
