package org.collapselab.experiments.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Collapse Lab version this build was made from (part of every cell key, so a new version recomputes). */
public final class ProjectVersion {
    private static final String VERSION = load();

    private ProjectVersion() {}

    /** The project version, e.g. {@code 0.1.0}; {@code dev} when run from an unfiltered source tree. */
    public static String get() {
        return VERSION;
    }

    /**
     * The git commit this process runs, as the launcher {@code bin/collapselab} exports it ({@code COLLAPSELAB_COMMIT},
     * with {@code -dirty} when tracked files differ from it); empty when unknown (embedded use, tests).
     */
    public static String commit() {
        String c = System.getenv("COLLAPSELAB_COMMIT");
        return c == null || !c.matches("[0-9a-f]{7,40}(-dirty)?") ? "" : c;
    }

    /** What a stored cell records as the code that computed it: the version, and the commit when known. */
    public static String stamp() {
        String c = commit();
        return c.isEmpty() ? VERSION : VERSION + " (commit " + c + ")";
    }

    private static String load() {
        try (InputStream in =
                ProjectVersion.class.getResourceAsStream("/org/collapselab/experiments/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev").trim();
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
