package org.collapselab.experiments.store;

/**
 * One finished cell of a sweep as stored in the result database. The payloads are JSON so that any experiment
 * (Gaussian, MNIST, language models) can use the same store; the export flattens them into columns.
 *
 * @param key content key (SHA-256 of configuration, seed and version: {@code study.CellKeys})
 * @param experiment experiment name (the file's {@code name}, or a reproduction's name)
 * @param configJson the cell's full configuration (canonical JSON object)
 * @param resultJson the cell's results (JSON object)
 * @param seconds wall time spent computing the cell
 * @param version project version that computed it, with the git commit when the launcher passed it
 *     ({@link ProjectVersion#stamp}); not part of the key
 * @param createdAtMillis when it was written (epoch milliseconds)
 */
public record StoredCell(
        String key,
        String experiment,
        String configJson,
        String resultJson,
        double seconds,
        String version,
        long createdAtMillis)
        implements java.io.Serializable {
    /** A new cell stamped with the current version (and commit) and time. */
    public static StoredCell now(String key, String experiment, String configJson, String resultJson, double seconds) {
        return new StoredCell(
                key, experiment, configJson, resultJson, seconds, ProjectVersion.stamp(), System.currentTimeMillis());
    }
}
