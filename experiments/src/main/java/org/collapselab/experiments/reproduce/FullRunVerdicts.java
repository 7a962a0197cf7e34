package org.collapselab.experiments.reproduce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.study.StudyFile;

/**
 * The verdicts of a reproduction's full run, kept beside the bundled studies ({@code studies/full-runs/ID.json},
 * copied from the {@code sections} table of a full run's result database), so that a quick run never shows a verdict
 * the full run contradicts without saying so. Every quick claim whose statement the full run also checked gets the
 * full run's verdict and numbers appended; when the two verdicts differ the quick claim says so first, and the
 * section opens with a paragraph listing the differences.
 */
public final class FullRunVerdicts {
    /** Resource folder of the references (the repository's {@code studies/full-runs/}). */
    public static final String FOLDER = StudyFile.BUNDLED + "full-runs/";
    /** How an annotated claim whose verdict the full run does not share begins. */
    public static final String DIFFERS = "THE FULL RUN DIFFERS:";

    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * A full run's verdicts.
     *
     * @param source what the run was (study, seeds, date) and where its numbers are documented
     * @param claims its claims, with the statements the quick run's claims are matched by
     */
    public record Reference(String source, List<Claim> claims) {
        public Reference {
            claims = List.copyOf(claims);
        }
    }

    private FullRunVerdicts() {}

    /** The quick section with the bundled full run's verdicts beside its own; unchanged when there is no reference. */
    public static ReportSection annotate(ReportSection quick) {
        return load(quick.id()).map(r -> annotate(quick, r)).orElse(quick);
    }

    /** The bundled reference of a section id, if any. */
    public static Optional<Reference> load(String id) {
        try (InputStream in = FullRunVerdicts.class.getResourceAsStream(FOLDER + id + ".json")) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, Reference.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled full-run verdicts of " + id, e);
        }
    }

    /** Whether an annotated claim's verdict differs from the full run's. */
    public static boolean differs(Claim annotated) {
        return annotated.measured().startsWith(DIFFERS);
    }

    /**
     * The quick section with each claim matched to the reference's: by statement, else by statement with every number
     * masked (the quick grid's numbers differ from the full run's), the candidate sharing the most numbers winning
     * ({@code closest}); a claim so matched quotes the full run's statement. The differences are listed at the top
     * of the section.
     */
    public static ReportSection annotate(ReportSection quick, Reference full) {
        Map<String, Claim> exact = new LinkedHashMap<>();
        Map<String, List<Claim>> masked = new LinkedHashMap<>();
        for (Claim c : full.claims()) {
            exact.put(c.claim(), c);
            masked.computeIfAbsent(mask(c.claim()), k -> new ArrayList<>()).add(c);
        }
        List<Claim> out = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        int agree = 0;
        for (Claim q : quick.claims()) {
            Claim f = exact.get(q.claim());
            String at = "";
            if (f == null) {
                f = closest(q.claim(), masked.getOrDefault(mask(q.claim()), List.of()));
                at = f == null ? "" : "; its grid: " + sentence(f.claim());
            }
            String note;
            if (f == null) {
                note = sentence(q.measured()) + ". Not checked by the full run (" + full.source() + ").";
            } else if (f.verdict() == q.verdict()) {
                agree++;
                note = sentence(q.measured()) + ". Full run (" + full.source() + at + "): also " + f.verdict() + ", "
                        + sentence(f.measured()) + ".";
            } else {
                differ.add(sentence(q.claim()) + " (quick " + q.verdict() + ", full " + f.verdict() + ")");
                note = DIFFERS + " it finds " + f.verdict() + " (" + full.source() + at + "): " + sentence(f.measured())
                        + ". This quick run (" + q.verdict() + "): " + sentence(q.measured()) + ".";
            }
            out.add(new Claim(q.claim(), note, q.verdict(), q.thresholds()));
        }
        String head = "Quick verdicts against the full run (" + full.source() + "): " + agree + " of "
                + quick.claims().size() + " agree"
                + (differ.isEmpty()
                        ? "."
                        : "; " + differ.size() + " differ, and the full "
                                + "run's verdict is the one to trust (more seeds, larger grids): "
                                + String.join("; ", differ) + ".");
        return new ReportSection(quick.id(), quick.title(), Html.paragraph(head) + quick.bodyHtml(), out);
    }

    /**
     * Of the full-run claims whose masked statement is the quick one's, the one sharing the most numbers with it
     * (e.g. the same generator size on another grid of n); null when there is none or no single best.
     */
    static Claim closest(String quick, List<Claim> candidates) {
        List<String> mine = numbers(quick);
        long[] shared = candidates.stream()
                .mapToLong(
                        c -> numbers(c.claim()).stream().filter(mine::contains).count())
                .toArray();
        long most = java.util.Arrays.stream(shared).max().orElse(-1);
        List<Claim> best = new ArrayList<>();
        for (int i = 0; i < shared.length; i++) {
            if (shared[i] == most) {
                best.add(candidates.get(i));
            }
        }
        return best.size() == 1 ? best.get(0) : null;
    }

    private static List<String> numbers(String s) {
        return java.util.regex.Pattern.compile(NUMBER)
                .matcher(s)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
    }

    /** Text without its closing full stop (one is added where it is joined). */
    private static String sentence(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A statement with every number replaced by {@code #}. */
    static String mask(String statement) {
        return statement.replaceAll(NUMBER, "#");
    }
}
