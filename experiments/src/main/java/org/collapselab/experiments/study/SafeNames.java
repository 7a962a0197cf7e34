package org.collapselab.experiments.study;

import java.nio.file.Path;

/**
 * The one sanitiser for names that become paths (experiment, study and figure names, export targets): 1-100
 * characters from {@code A-Z a-z 0-9 . _ -}, not starting with a dot (so never {@code .} or {@code ..}, and never a
 * hidden file). {@link #resolve} also checks that the result stays inside the folder it was given.
 */
public final class SafeNames {
    /** What a valid name looks like, for messages. */
    public static final String ALLOWED = "1-100 characters from A-Z a-z 0-9 . _ -, not starting with '.'";

    private SafeNames() {}

    /** True when {@code name} may name a file or folder. */
    public static boolean isValid(String name) {
        return name != null && name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    }

    /**
     * {@code dir/name + suffix}, refusing an invalid name (IllegalArgumentException naming {@code field}) and any
     * result that would leave {@code dir}.
     */
    public static Path resolve(Path dir, String name, String suffix, String field) {
        if (!isValid(name)) {
            throw new org.collapselab.validation.ParameterException(
                    field, "'" + StrictYaml.shorten(name) + "'", ALLOWED);
        }
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(name + suffix).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new org.collapselab.validation.ParameterException(field, "'" + name + "'", ALLOWED);
        }
        return dir.resolve(name + suffix);
    }
}
