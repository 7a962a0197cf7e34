package org.collapselab.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's prose kept as a resource next to the class that fills it: the text with {@code {{name}}} placeholders
 * (replaced by the value HTML-escaped) and {@code {{{name}}}} placeholders (replaced by ready-made HTML: tables,
 * figures). Lines starting with {@code ##} are comments. A placeholder without a value, or a value without a
 * placeholder, is an error, so the prose and the code cannot drift apart silently.
 */
public final class Template {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\{?)([A-Za-z][A-Za-z0-9_]*)\\}?\\}\\}");

    private Template() {}

    /** The resource {@code name} (next to {@code anchor}) with its placeholders filled from {@code values}. */
    public static String render(Class<?> anchor, String name, Map<String, ?> values) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report template " + name + " is missing next to " + anchor.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fill(name, text, values);
    }

    /** {@code text} with its placeholders filled (see the class comment); {@code name} names it in errors. */
    public static String fill(String name, String text, Map<String, ?> values) {
        StringBuilder lines = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (!l.startsWith("##")) {
                lines.append(l).append('\n');
            }
        }
        Matcher m = SLOT.matcher(lines);
        StringBuilder out = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (m.find()) {
            String key = m.group(2);
            if (!values.containsKey(key)) {
                throw new IllegalStateException("report template " + name + ": no value for {{" + key + "}}");
            }
            used.add(key);
            Object v = values.get(key);
            String s = v == null ? "" : v.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).isEmpty() ? Html.escape(s) : s));
        }
        m.appendTail(out);
        for (String k : values.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalStateException("report template " + name + ": value " + k + " has no placeholder");
            }
        }
        return out.toString().strip() + "\n";
    }
}
