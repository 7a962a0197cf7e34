package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.validation.ParameterException;

/**
 * Output folders and files named by flags ({@code --out}, {@code --db}, {@code -o}), checked before any work so that
 * a path that cannot be used is bad input (exit 2, the flag named) rather than a failure after the computation.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** {@code dir} is a folder, or can be made one (it is created unless {@code create} is false). */
    static Path folder(String flag, Path dir, boolean create) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(flag, dir, "a folder (this path is a file)");
        }
        if (create) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ParameterException(flag, dir, "a folder that can be created (" + reason(e) + ")");
            }
            if (!Files.isWritable(dir)) {
                throw new ParameterException(flag, dir, "a folder this user can write to");
            }
        }
        return dir;
    }

    /** {@code file} is not a folder, and its folder exists or can be made (created unless {@code create} is false). */
    static Path file(String flag, Path file, boolean create) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(flag, file, "a file (this path is a folder)");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                folder(flag, parent, create);
            } catch (ParameterException e) {
                throw new ParameterException(
                        flag, file, "a file in a folder that exists or can be created (" + e.allowed() + ")");
            }
        }
        return file;
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : "not possible here";
    }
}
