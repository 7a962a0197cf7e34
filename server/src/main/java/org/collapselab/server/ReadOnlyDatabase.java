package org.collapselab.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.collapselab.experiments.store.ResultStore;

/**
 * A result database opened for the browser without touching its folder. {@link ResultStore#openReadOnly} creates no
 * file, except when a write-ahead log holds data and no writer is running (its shared-memory index is gone: a run was
 * killed): SQLite would then make that index beside the database. In that case the database and its log are read
 * from a private copy in a temporary folder, deleted on {@link #close()}.
 */
final class ReadOnlyDatabase implements AutoCloseable {
    private final ResultStore store;
    private final Path copy;

    private ReadOnlyDatabase(ResultStore store, Path copy) {
        this.store = store;
        this.copy = copy;
    }

    /** Opens {@code db} (a real path) for reading. */
    static ReadOnlyDatabase open(Path db) {
        Path wal = Path.of(db + "-wal");
        Path shm = Path.of(db + "-shm");
        boolean orphanLog;
        try {
            orphanLog = Files.isRegularFile(wal) && Files.size(wal) > 0 && !Files.exists(shm);
        } catch (IOException e) {
            orphanLog = false;
        }
        if (orphanLog) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("collapselab-browse-");
                Path copy = dir.resolve("results.db");
                Files.copy(db, copy);
                Files.copy(wal, dir.resolve("results.db-wal"));
                return new ReadOnlyDatabase(ResultStore.openReadOnly(copy), dir);
            } catch (IOException | RuntimeException e) {
                delete(dir); // the log went away meanwhile (a writer started): read the file itself
            }
        }
        return new ReadOnlyDatabase(ResultStore.openReadOnly(db), null);
    }

    ResultStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        delete(copy);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary copy left behind is harmless
        }
    }
}
