package org.collapselab.experiments.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.report.Reports;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.validation.ParameterException;

/**
 * The reproductions declared in the bundled {@code studies/reproductions.yaml} (see {@link Reproduction}), resolving
 * names, running one through the one path of {@code run}, and writing one {@code report.html} in the output folder
 * gathering every section ever produced there (sections are kept in the folder's {@code results.db}).
 */
public final class Reproductions {
    /** The bundled manifest (a file of the repository's {@code studies/}). */
    public static final String MANIFEST = "reproductions";

    private static final Set<String> KEYS =
            Set.of("title", "description", "introduction", "note", "studies", "optional", "closing", "quick");

    private Reproductions() {}

    /** Every reproduction by name, in report order; {@code quick} applies each entry's {@code quick:} overrides. */
    public static Map<String, Reproduction> available(boolean quick) {
        JsonNode root = StudyFile.bundled(MANIFEST).root();
        Map<String, Reproduction> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), read(e.getKey(), e.getValue(), quick));
        }
        return out;
    }

    /** The names in report order. */
    public static List<String> order() {
        return List.copyOf(available(false).keySet());
    }

    private static Reproduction read(String name, JsonNode entry, boolean quick) {
        if (!entry.isObject()) {
            throw new IllegalStateException(MANIFEST + ".yaml: " + name + ": not a mapping");
        }
        ObjectNode e = ((ObjectNode) entry).deepCopy();
        for (Iterator<String> k = e.fieldNames(); k.hasNext(); ) {
            String key = k.next();
            if (!KEYS.contains(key) || key.equals("quick") && !e.get(key).isObject()) {
                throw new IllegalStateException(MANIFEST + ".yaml: " + name + "." + key + ": unknown key");
            }
        }
        if (quick && e.has("quick")) {
            e.setAll((ObjectNode) e.get("quick"));
        }
        List<String> studies = names(e.path("studies"));
        Set<String> optional = new LinkedHashSet<>(names(e.path("optional")));
        if (studies.isEmpty()) {
            throw new IllegalStateException(MANIFEST + ".yaml: " + name + ": no study");
        }
        optional.retainAll(studies); // a quick list may leave optional studies out
        return new Reproduction(
                name,
                e.path("title").asText(name),
                e.path("description").asText(""),
                e.path("introduction").asText(""),
                e.path("note").asText(""),
                studies,
                optional,
                e.path("closing").asText(""));
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Resolves names ({@code all} = every one; empty = {@code gaussian}). Throws a {@link ParameterException} naming
     * the unknown ones and the known ones.
     */
    public static List<Reproduction> resolve(List<String> names, boolean quick) {
        Map<String, Reproduction> all = available(quick);
        List<String> wanted = names == null || names.isEmpty() ? List.of("gaussian") : names;
        List<Reproduction> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String n : wanted) {
            String k = n.trim().toLowerCase(Locale.ROOT);
            List<Reproduction> add =
                    k.equals("all") ? List.copyOf(all.values()) : all.containsKey(k) ? List.of(all.get(k)) : null;
            if (add == null) {
                unknown.add(n);
                continue;
            }
            add.stream().filter(r -> !out.contains(r)).forEach(out::add);
        }
        if (!unknown.isEmpty()) {
            throw new ParameterException(
                    "NAME", String.join(" ", unknown), "all or one of " + String.join(", ", all.keySet()));
        }
        return out;
    }

    /**
     * Runs a reproduction: each study through {@link ReproductionOptions#run} (the code of {@code run}), its report
     * section being the introduction and each study's own HTML and claims. An optional study that cannot run here is
     * skipped with one line (in the section and the log); any other throws {@link StudyUnavailableException}.
     */
    public static ReportSection run(Reproduction r, ReproductionOptions o) throws Exception {
        StringBuilder html = new StringBuilder();
        String intro = (r.introduction() + " " + r.note()).trim();
        if (!intro.isEmpty()) {
            html.append(Html.paragraph(intro));
        }
        List<Claim> claims = new ArrayList<>();
        for (String name : r.studies()) {
            String kind = StudyFile.bundled(name).kind();
            Study study = StudyFamilies.available().containsKey(kind) ? StudyFamilies.bundled(name, o.quick()) : null;
            String missing = study == null
                    ? "the " + kind + " family is not on the class path (the nn module)"
                    : study.unavailable();
            if (missing != null) {
                if (!r.optional().contains(name)) {
                    throw new StudyUnavailableException(missing);
                }
                String line = "studies/" + name + ".yaml skipped: " + missing;
                html.append(Html.paragraph(line));
                if (o.log() != null) {
                    o.log().println(r.name() + ": " + line);
                }
                continue;
            }
            StudyReport report = o.run(study).report();
            html.append(report.html());
            claims.addAll(report.claims());
        }
        if (!r.closing().isEmpty()) {
            html.append(Html.paragraph(r.closing()));
        }
        return new ReportSection(r.name(), r.title(), html.toString(), claims);
    }

    /** Stores a section in the folder's database and rewrites report.html with every stored section. */
    public static Path publish(Path outDir, ReportSection section) throws IOException {
        return Reports.publish(outDir, section, order());
    }
}
