package org.collapselab.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.collapselab.validation.ParameterException;

/**
 * Where a node's cluster secret comes from. The rule: a secret is always required, even on loopback (any local user
 * can connect to a loopback port). In order: {@code --secret-file FILE} (its first line; the file must be readable
 * by its owner only), else {@link ClusterSettings#SECRET_ENV}, else — only when the node listens on a loopback
 * address, so every node is on this machine and run by this user — the per-user file {@link #perUserFile()}, created
 * on first use with 256 random bits and permissions {@code rw-------}. Nodes on other interfaces must be given the
 * secret explicitly (the same on every machine).
 */
public final class ClusterSecret {
    /** Shortest secret accepted: the cluster name carries a digest of it, so a short one could be guessed offline. */
    public static final int MIN_LENGTH = 16;

    private static final long MAX_FILE_BYTES = 4096;

    private ClusterSecret() {}

    /** The per-user secret file: {@code ~/.collapselab/cluster-secret}. */
    public static Path perUserFile() {
        return Path.of(System.getProperty("user.home"), ".collapselab", "cluster-secret");
    }

    /** The secret for a node listening on {@code bindAddress}, by the rule above. */
    public static String read(Path file, String bindAddress) {
        return read(file, bindAddress, System.getenv(ClusterSettings.SECRET_ENV), perUserFile());
    }

    /** The rule with the environment's value and the per-user file given. */
    static String read(Path file, String bindAddress, String env, Path perUser) {
        if (file != null) {
            return fromFile(file, "secret-file");
        }
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        if (!ClusterSettings.isLoopback(bindAddress)) {
            throw new ParameterException(
                    "secret-file",
                    "no cluster secret for interface " + bindAddress,
                    "a file holding the shared secret (or $" + ClusterSettings.SECRET_ENV
                            + "), the same on every node");
        }
        return perUser(perUser);
    }

    /** The secret in {@code file}, made (256 random bits, owner-only permissions) when it does not exist yet. */
    static String perUser(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path dir = file.getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(
                            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(
                        dir,
                        ".cluster-secret",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file); // no replace: another node of this user may have made it first
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | UnsupportedOperationException e) {
                throw new ParameterException(
                        "secret-file",
                        "none (cannot create " + file + ": " + e.getClass().getSimpleName() + ")",
                        "a file holding the cluster secret (or $" + ClusterSettings.SECRET_ENV + ")");
            }
        }
        return fromFile(file, "secret-file");
    }

    /** The first line of a regular file of at most 4096 bytes owned by this user and unreadable by others. */
    static String fromFile(Path file, String field) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_FILE_BYTES) {
                throw new ParameterException(
                        field, file, "a regular file (not a link) of at most 4096 bytes holding the secret");
            }
            PosixFileAttributeView view =
                    Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                PosixFileAttributes a = view.readAttributes();
                Set<PosixFilePermission> p = a.permissions();
                if (p.contains(PosixFilePermission.GROUP_READ)
                        || p.contains(PosixFilePermission.OTHERS_READ)
                        || p.contains(PosixFilePermission.GROUP_WRITE)
                        || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw new ParameterException(
                            field,
                            file + " (permissions " + PosixFilePermissions.toString(p) + ")",
                            "a file only its owner can read and write (chmod 600 " + file + ")");
                }
                String me =
                        ProcessHandle.current().info().user().orElse(a.owner().getName());
                if (!a.owner().getName().equals(me)) {
                    throw new ParameterException(
                            field,
                            file + " (owned by " + a.owner().getName() + ")",
                            "a file owned by the user running this node");
                }
            }
            String s = Files.readString(file, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("")
                    .trim();
            if (s.isEmpty()) {
                throw new ParameterException(field, file, "a file whose first line is the secret (this one is empty)");
            }
            return s;
        } catch (IOException e) {
            throw new ParameterException(
                    field, file, "a readable file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
