package org.collapselab.experiments.store;

/**
 * A report section kept in the result database so that later {@code reproduce} runs into the same folder add to one
 * report instead of replacing it.
 *
 * @param id section anchor id (one row per id)
 * @param title heading
 * @param bodyHtml trusted HTML fragment
 * @param claimsJson the claims as a JSON array
 * @param updatedAtMillis when it was last written
 */
public record StoredSection(String id, String title, String bodyHtml, String claimsJson, long updatedAtMillis) {}
