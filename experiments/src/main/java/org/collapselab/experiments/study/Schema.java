package org.collapselab.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A family's study-file fields, declared once (as Tribuo's {@code @Config} declares a component's options): the
 * reader takes its known keys and typed values from here ({@link #keys()}, {@link #integer}, ...), {@code collapselab
 * run --describe KIND} prints {@link #describe()}, and {@code docs/studies.md} is generated from {@link #markdown()}.
 * Every schema has {@code name}, {@code kind}, {@code description} and {@code quick} besides its own fields.
 *
 * @param kind the family's kind
 * @param summary what a study of this family computes, one or two sentences
 * @param fields the family's own fields, in the order a file usually lists them
 * @param groups fields nested under one of them (a Gaussian grid's parameters, a network's settings)
 */
public record Schema(String kind, String summary, List<Field> fields, List<Group> groups) {
    /** The fields every study file has. */
    public static final List<Field> COMMON = List.of(
            Field.text("name", "", "names the results in the database and the default output folder out/NAME"),
            Field.text("kind", "gaussian", "the study family"),
            Field.text("description", "\"\"", "free text shown in the report"),
            Field.nested(
                    "quick",
                    Field.Type.MAPPING,
                    "-",
                    "overrides applied by --quick (any field below but name and " + "kind)"));

    public Schema {
        fields = List.copyOf(fields);
        groups = List.copyOf(groups);
    }

    /** A schema without nested groups. */
    public Schema(String kind, String summary, List<Field> fields) {
        this(kind, summary, fields, List.of());
    }

    /**
     * Fields that live under other keys, printed after the main table.
     *
     * @param title what the group is, e.g. {@code parameters under fixed: and sweep:}
     * @param fields its fields
     */
    public record Group(String title, List<Field> fields) {
        public Group {
            fields = List.copyOf(fields);
        }
    }

    /** Every key a file of this family may have. */
    public Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        COMMON.forEach(f -> out.add(f.key()));
        fields.forEach(f -> out.add(f.key()));
        return out;
    }

    /** The declared field of a key. */
    public Field field(String key) {
        for (Field f : fields) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException(kind + " declares no field " + key);
    }

    /** The declared field of a key, in the main table or a group. */
    public Field anyField(String key) {
        for (Group g : groups) {
            for (Field f : g.fields()) {
                if (f.key().equals(key)) {
                    return f;
                }
            }
        }
        return field(key);
    }

    private static long dflt(Field f) {
        double d = f.defaultNumber();
        return Double.isNaN(d) ? -1 : (long) d;
    }

    /** An integer field read as declared (its range and default; required when it has none). */
    public int integer(StudyFile file, JsonNode node, String key) {
        return integer(file, node, key, key);
    }

    /** An integer field read as declared, named {@code name} in messages (e.g. {@code quick.runs}). */
    public int integer(StudyFile file, JsonNode node, String key, String name) {
        Field f = field(key);
        return file.integer(
                node,
                key,
                name,
                (int) Math.max(Integer.MIN_VALUE, f.min()),
                (int) Math.min(Integer.MAX_VALUE, f.max()),
                f.required() ? -1 : (int) dflt(f));
    }

    /** A long field read as declared. */
    public long longValue(StudyFile file, JsonNode node, String key) {
        Field f = field(key);
        return file.longValue(node, key, key, (long) f.min(), (long) f.max(), dflt(f));
    }

    /** A number field read as declared (its range and numeric default). */
    public double number(StudyFile file, JsonNode node, String key) {
        return number(file, node, key, field(key).defaultNumber());
    }

    /** A number field read as declared whose default depends on another field ({@code synthetic_sigma}: sigma). */
    public double number(StudyFile file, JsonNode node, String key, double dflt) {
        Field f = field(key);
        return file.real(node, key, key, f.min(), f.max(), dflt, !f.minOpen());
    }

    /** A list of distinct integers as declared; the empty list when absent and not required. */
    public List<Integer> integers(StudyFile file, JsonNode node, String key) {
        Field f = field(key);
        if (!f.required() && !node.hasNonNull(key)) {
            return List.of();
        }
        return file.intList(node.path(key), key, (int) f.min(), (int) Math.min(Integer.MAX_VALUE, f.max()));
    }

    /** A list of distinct numbers as declared; the empty list when absent and not required. */
    public List<Double> numbers(StudyFile file, JsonNode node, String key) {
        Field f = field(key);
        if (!f.required() && !node.hasNonNull(key)) {
            return List.of();
        }
        return file.realList(node.path(key), key, f.min(), f.max());
    }

    /** A text field as declared: required when it has no default, else null when absent. */
    public String text(StudyFile file, JsonNode node, String key) {
        return file.text(node, key, key, field(key).required());
    }

    /** A choice field as declared: one of its words, its default when absent, null when invalid. */
    public String word(StudyFile file, JsonNode node, String key) {
        Field f = field(key);
        if (!node.hasNonNull(key)) {
            return f.dflt();
        }
        String w = file.text(node, key, key, false);
        if (w != null && !List.of(f.syntax().split(", ")).contains(w)) {
            file.error(key, w, f.phrase());
            return null;
        }
        return w;
    }

    /** A choice field as declared: one of the enum's constants, {@code dflt} when absent. */
    public <E extends Enum<E>> E choice(StudyFile file, JsonNode node, String key, Class<E> type, E dflt) {
        field(key);
        return file.choice(node, key, key, type, dflt);
    }

    /** The fields as aligned text tables (for {@code --describe}). */
    public String describe() {
        StringBuilder b = new StringBuilder("kind: " + kind + "\n" + summary + "\n\n");
        table(b, all());
        for (Group g : groups) {
            b.append('\n').append(g.title()).append(":\n");
            table(b, g.fields());
        }
        return b.toString();
    }

    private static void table(StringBuilder b, List<Field> fields) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"key", "allowed", "default", "meaning"});
        for (Field f : fields) {
            rows.add(new String[] {f.key(), f.allowed(), f.required() ? "(required)" : f.dflt(), f.description()});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            b.append(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s", (Object[]) r)
                            .stripTrailing())
                    .append('\n');
        }
    }

    /** The fields as a Markdown section (for {@code docs/studies.md}). */
    public String markdown() {
        StringBuilder b = new StringBuilder("## `kind: " + kind + "`\n\n" + summary + "\n\n");
        markdownTable(b, all());
        for (Group g : groups) {
            b.append('\n')
                    .append(Character.toUpperCase(g.title().charAt(0)))
                    .append(g.title().substring(1))
                    .append(":\n\n");
            markdownTable(b, g.fields());
        }
        return b.append('\n').toString();
    }

    private static void markdownTable(StringBuilder b, List<Field> fields) {
        b.append("| key | allowed | default | meaning |\n|---|---|---|---|\n");
        for (Field f : fields) {
            b.append("| `")
                    .append(f.key())
                    .append("` | ")
                    .append(f.allowed().replace("|", "\\|"))
                    .append(" | ")
                    .append(f.required() ? "(required)" : "`" + f.dflt() + "`")
                    .append(" | ")
                    .append(f.description().replace("|", "\\|"))
                    .append(" |\n");
        }
    }

    private List<Field> all() {
        List<Field> out = new ArrayList<>(COMMON);
        out.addAll(fields);
        return out;
    }
}
