package org.collapselab.experiments.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registered {@link StudyFamily} plug-ins, and reading a study file with the family its {@code kind:} names. */
public final class StudyFamilies {
    private StudyFamilies() {}

    /** Every family on the class path by kind. */
    public static Map<String, StudyFamily> available() {
        Map<String, StudyFamily> out = new TreeMap<>();
        for (StudyFamily f : ServiceLoader.load(StudyFamily.class)) {
            out.putIfAbsent(f.kind(), f);
        }
        return out;
    }

    /**
     * The fields of a family's study files ({@code collapselab run --describe KIND}); {@code all} describes every
     * family. An unknown kind throws a {@link org.collapselab.validation.ParameterException} naming the known ones.
     */
    public static String describe(String kind) {
        Map<String, StudyFamily> all = available();
        if (kind.equals("all")) {
            StringBuilder b = new StringBuilder();
            all.keySet().forEach(k -> b.append(describe(k)).append('\n'));
            return b.toString();
        }
        StudyFamily f = all.get(kind);
        if (f == null) {
            throw new org.collapselab.validation.ParameterException(
                    "--describe", kind, "all or one of " + String.join(", ", all.keySet()));
        }
        return f.schema() != null
                ? f.schema().describe()
                : "kind: " + kind + "\nno field table declared yet (see the " + "family's reader, "
                        + f.getClass().getName() + ")\n";
    }

    /** {@code docs/studies.md}: the field table of every family on the class path, generated from their schemas. */
    public static String markdown() {
        StringBuilder b = new StringBuilder("# Study files\n\n<!-- Generated from each family's Schema by "
                + "StudyFamilies.markdown(); do not edit: StudyDocsTest fails when this file is stale and says how to "
                + "regenerate it. -->\n\nA study file's `kind:` selects its family; `collapselab run --describe KIND` prints "
                + "the same table. Every file has `name`, `kind` (default `gaussian`), `description` and `quick` (overrides "
                + "used by `--quick`). Back to the [README](../README.md).\n\n");
        List<String> undeclared = new ArrayList<>();
        for (StudyFamily f : available().values()) {
            if (f.schema() == null) {
                undeclared.add("`" + f.kind() + "`");
            } else {
                b.append(f.schema().markdown());
            }
        }
        if (!undeclared.isEmpty()) {
            b.append("## Families without a declared table\n\n")
                    .append(String.join(", ", undeclared))
                    .append(
                            ": their fields are documented in their readers' Javadoc and the bundled `studies/` files.\n");
        }
        return b.toString();
    }

    /** Reads and validates a study file; every problem is thrown at once as a {@link StudyFileException}. */
    public static Study load(Path file, boolean quick) {
        return read(StudyFile.read(file), quick);
    }

    /** A bundled study ({@code studies/NAME.yaml} in the jar). */
    public static Study bundled(String name, boolean quick) {
        return read(StudyFile.bundled(name), quick);
    }

    /** Validates a parsed study file with its family. */
    public static Study read(StudyFile file, boolean quick) {
        Map<String, StudyFamily> all = available();
        StudyFamily family = all.get(file.kind());
        if (family == null) {
            file.error(
                    "kind",
                    file.root().path("kind"),
                    "one of " + String.join(", ", all.keySet()) + " (or omit it for " + StudyFile.DEFAULT_KIND + ")");
            file.check();
        }
        Study s = family.read(file, quick);
        file.check();
        return s;
    }
}
