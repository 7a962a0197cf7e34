package org.collapselab.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Texts a page sent (files the user picked or pasted) as files in a private temporary folder (owner-only), for code
 * that reads files, as the CLI does; closing deletes them. {@link #strip} takes the folder out of a message, so that
 * it names the file as {@code real.csv} and never shows where it was written.
 */
final class UploadedFiles implements AutoCloseable {
    private final Path dir;

    UploadedFiles() {
        try {
            dir = Files.createTempDirectory(
                    "collapselab-upload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new ApiError(
                    500, "cannot make a temporary folder: " + e.getClass().getSimpleName());
        }
    }

    /** Writes {@code text} as the file {@code name} (a plain name chosen by the server). */
    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiError(
                    500, "cannot write a temporary file: " + e.getClass().getSimpleName());
        }
    }

    /** The message without the temporary folder's path. */
    String strip(String message) {
        return String.valueOf(message).replace(dir + "/", "").replace(dir.toString(), "");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is private and temporary
        }
    }
}
