package org.collapselab.experiments.study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.collapselab.experiments.store.ProjectVersion;

/** Content keys of result cells: SHA-256 over the canonical configuration, the seed and the project version. */
public final class CellKeys {
    private CellKeys() {}

    /** Key for the current project version ({@link ProjectVersion#get()}). */
    public static String key(String canonicalConfigJson, long seed) {
        return key(canonicalConfigJson, seed, ProjectVersion.get());
    }

    /** Key for an explicit version (64 lowercase hex digits). */
    public static String key(String canonicalConfigJson, long seed, String version) {
        return sha256Hex(canonicalConfigJson + "\u0000seed=" + seed + "\u0000version=" + version);
    }

    /** SHA-256 of a UTF-8 string as lowercase hex. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
