package org.collapselab.experiments.study;

import java.util.List;

/**
 * An experiment file failed validation. {@link #errors()} has one line per problem, each naming the file, the
 * field, the value and what is allowed; the CLI prints them all and exits non-zero.
 */
public class StudyFileException extends RuntimeException {
    private final List<String> errors;

    public StudyFileException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The one-line form every experiment-file reader uses: {@code FILE: FIELD: got VALUE; allowed: WHAT}. Values are
     * shown as given (text quoted; a missing or null node as "nothing"; long values cut, with their length).
     */
    public static String line(String file, String field, Object value, String allowed) {
        return file + ": " + field + ": got " + show(value) + "; allowed: " + allowed;
    }

    private static String show(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            if (n.isMissingNode() || n.isNull()) {
                return "nothing";
            }
            return n.isTextual() ? "'" + StrictYaml.shorten(n.asText()) + "'" : StrictYaml.shorten(n.toString());
        }
        return v instanceof String s ? "'" + StrictYaml.shorten(s) + "'" : StrictYaml.shorten(String.valueOf(v));
    }

    /** One line per error. */
    public List<String> errors() {
        return errors;
    }
}
