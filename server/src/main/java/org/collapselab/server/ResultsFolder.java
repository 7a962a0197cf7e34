package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.collapselab.experiments.export.ResultExporter;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.validation.ParameterException;

/**
 * The {@code --out} folder as the browser sees it: every {@code results.db} below it (a study folder) with its
 * experiments, cells, figures and HTML reports, read through {@link ResultStore} and {@link ResultExporter}. Nothing
 * outside the folder is read: a requested path (a file, a study folder, or the {@code results.db} inside it) is
 * resolved, normalised and followed through symbolic links, and refused unless its real path still lies inside the
 * folder's real path. Databases are opened read-only ({@link ResultStore#openReadOnly}): browsing never creates,
 * changes or removes a file beside them (a killed run's write-ahead log stays as it is; {@link ReadOnlyDatabase}).
 */
final class ResultsFolder {
    /** How deep below --out study folders and their files are looked for. */
    private static final int DEPTH = 4;
    /** Extensions served, with their content types. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("yaml", "text/plain; charset=utf-8"),
            Map.entry("yml", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("log", "text/plain; charset=utf-8"));

    private static final Set<String> FIGURES = Set.of("png", "svg");

    private final Path root;

    /** {@code root} must be an existing folder (checked by the caller). */
    ResultsFolder(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** {@code {root, studies: [{path, experiments: [{name, cells}], figures, reports}]}}. */
    ObjectNode studies() throws IOException {
        ObjectNode o = TheoryJson.COMPACT.createObjectNode();
        o.put("root", root.getFileName() == null ? "/" : root.getFileName().toString());
        ArrayNode arr = o.putArray("studies");
        List<Path> dbs;
        try (Stream<Path> s = Files.walk(root, DEPTH)) {
            dbs = s.filter(f -> f.getFileName().toString().equals("results.db"))
                    .map(this::inside)
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
        }
        for (Path db : dbs) {
            Path dir = db.getParent();
            if (!dir.startsWith(root)) {
                continue;
            }
            ObjectNode st = arr.addObject();
            st.put("path", relative(dir));
            ArrayNode exps = st.putArray("experiments");
            try (ReadOnlyDatabase ro = ReadOnlyDatabase.open(db)) {
                ResultStore store = ro.store();
                for (String e : store.experiments()) {
                    exps.addObject().put("name", e).put("cells", store.list(e).size());
                }
            } catch (StoreException | ParameterException e) {
                st.put("error", "cannot read " + relative(db));
            }
            ArrayNode figs = st.putArray("figures");
            ArrayNode reports = st.putArray("reports");
            try (Stream<Path> s = Files.walk(dir, DEPTH)) {
                for (Path f : s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .toList()) {
                    String ext = extension(f);
                    if (FIGURES.contains(ext)) {
                        figs.add(relative(f));
                    } else if (ext.equals("html")) {
                        reports.add(relative(f));
                    }
                }
            }
        }
        return o;
    }

    /** The cells of one study folder ({@code path} relative to the root), one flattened row each. */
    ObjectNode cells(String path, String experiment) {
        Path dir = resolve(path == null ? "" : path, true);
        Path db = inside(dir.resolve("results.db"));
        if (db == null) {
            throw ApiError.badField("path", path, "a study folder listed by /api/studies");
        }
        try (ReadOnlyDatabase ro = ReadOnlyDatabase.open(db)) {
            ResultStore store = ro.store();
            if (experiment != null && !store.experiments().contains(experiment)) {
                throw ApiError.badField("experiment", experiment, "one of " + store.experiments());
            }
            List<Map<String, Object>> rows = ResultExporter.rows(store, experiment);
            ObjectNode o = TheoryJson.COMPACT.createObjectNode();
            o.put("path", relative(dir)).put("total", rows.size());
            o.putPOJO("columns", ResultExporter.columns(rows));
            o.putPOJO("rows", rows.size() > Limits.MAX_CELL_ROWS ? rows.subList(0, Limits.MAX_CELL_ROWS) : rows);
            return o;
        } catch (StoreException | ParameterException e) {
            throw new ApiError(422, "cannot read the results database of " + relative(dir));
        }
    }

    /** The real path of {@code p} when it is a regular file inside the root (links followed), else null. */
    private Path inside(Path p) {
        try {
            Path real = p.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The real path of a file (or folder) inside the root, or a 404 {@link ApiError}: absolute paths, {@code ..}
     * escapes, symbolic links pointing outside, missing files and (for files) unknown extensions are all refused
     * with the same answer, so nothing outside can be probed.
     */
    Path resolve(String relativePath, boolean folder) {
        ApiError notFound = new ApiError(404, "not found: " + relativePath);
        Path p;
        try {
            Path rel = Path.of(relativePath);
            if (rel.isAbsolute()) {
                throw notFound;
            }
            p = root.resolve(rel).normalize();
            if (!p.startsWith(root)) {
                throw notFound;
            }
            p = p.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw notFound;
        }
        boolean ok = p.startsWith(root)
                && (folder ? Files.isDirectory(p) : Files.isRegularFile(p) && TYPES.containsKey(extension(p)));
        if (!ok) {
            throw notFound;
        }
        return p;
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
