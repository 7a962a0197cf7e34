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
 */
public record Schema(String kind, String summary, List<Field> fields) {
  /** The fields every study file has. */
  public static final List<Field> COMMON = List.of(
      Field.text("name", "", "names the results in the database and the default output folder out/NAME"),
      Field.text("kind", "gaussian", "the study family"),
      Field.text("description", "\"\"", "free text shown in the report"),
      Field.nested("quick", Field.Type.MAPPING, "-", "overrides applied by --quick (any field below but name and "
          + "kind)"));

  public Schema {
    fields = List.copyOf(fields);
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

  private static long dflt(Field f) {
    return f.dflt().isEmpty() || f.dflt().equals("-") ? -1 : Long.parseLong(f.dflt());
  }

  /** An integer field read as declared (its range and default). */
  public int integer(StudyFile file, JsonNode node, String key) {
    Field f = field(key);
    return file.integer(node, key, key, (int) f.min(), (int) Math.min(Integer.MAX_VALUE, f.max()), (int) dflt(f));
  }

  /** A long field read as declared. */
  public long longValue(StudyFile file, JsonNode node, String key) {
    Field f = field(key);
    return file.longValue(node, key, key, (long) f.min(), (long) f.max(), dflt(f));
  }

  /** The fields as an aligned text table (for {@code --describe}). */
  public String describe() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"key", "allowed", "default", "meaning"});
    for (Field f : all()) {
      rows.add(new String[] {f.key(), f.allowed(), f.dflt().isEmpty() ? "(required)" : f.dflt(), f.description()});
    }
    int[] w = new int[3];
    for (String[] r : rows) {
      for (int i = 0; i < 3; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder("kind: " + kind + "\n" + summary + "\n\n");
    for (String[] r : rows) {
      b.append(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s", (Object[]) r).stripTrailing())
          .append('\n');
    }
    return b.toString();
  }

  /** The fields as a Markdown section (for {@code docs/studies.md}). */
  public String markdown() {
    StringBuilder b = new StringBuilder("## `kind: " + kind + "`\n\n" + summary + "\n\n");
    b.append("| key | allowed | default | meaning |\n|---|---|---|---|\n");
    for (Field f : all()) {
      b.append("| `").append(f.key()).append("` | ").append(f.allowed()).append(" | ")
          .append(f.dflt().isEmpty() ? "(required)" : "`" + f.dflt() + "`").append(" | ")
          .append(f.description().replace("|", "\\|")).append(" |\n");
    }
    return b.append('\n').toString();
  }

  private List<Field> all() {
    List<Field> out = new ArrayList<>(COMMON);
    out.addAll(fields);
    return out;
  }
}
