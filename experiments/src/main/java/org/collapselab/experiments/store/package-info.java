/**
 * The SQLite result store: cells by content key, report sections, merging and salvage (framework: knows no family).
 */
package org.collapselab.experiments.store;
