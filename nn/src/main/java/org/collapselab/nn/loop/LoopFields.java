package org.collapselab.nn.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.problem.Schedule;

/**
 * The fields every neural loop study file shares, read through the shared {@link StudyFile} reader (problems are
 * recorded as {@code FILE: FIELD: got V; allowed: A}): {@code loops} (the arms), {@code generations},
 * {@code rows}, {@code seeds}, {@code seed}.
 */
public final class LoopFields {

    /** The entries of {@code loops:}. */
    public static final Schema.Group ARMS = new Schema.Group(
            "loops entries",
            List.of(
                    Field.choice(
                            "schedule",
                            "replace, accumulate, accumulate-subsample",
                            "",
                            "how a generation's training rows " + "are chosen"),
                    Field.number("fresh_real", 0, 0.99, "0", "share of fresh real rows in every generation")));

    private LoopFields() {}

    /** The common fields' table, first in every loop family's {@link Schema}; rows at most {@code maxRows}. */
    public static List<Field> fields(int maxRows) {
        return List.of(
                Field.nested("loops", Field.Type.LIST, "", "the arms (entries below)"),
                Field.integer("generations", 1, 100, "", "the last generation K"),
                Field.integer("rows", 1, maxRows, "", "training rows n per generation"),
                Field.integer("seeds", 1, 100, "3", "seeds per arm (generation 0 is shared by the arms of a seed)"),
                Field.integer("seed", 0, Long.MAX_VALUE / 2_000_000L, "2024", "base seed"),
                Field.number("budget_minutes", 0.1, 10_000, "60", "documented wall-time budget"));
    }

    /** A loop family's schema: the common fields, then its own, then the arms' group and its own groups. */
    public static Schema schema(String kind, String summary, int maxRows, List<Field> own, Schema.Group... groups) {
        List<Field> all = new ArrayList<>(fields(maxRows));
        all.addAll(own);
        List<Schema.Group> g = new ArrayList<>(List.of(ARMS));
        g.addAll(List.of(groups));
        return new Schema(kind, summary, all, g);
    }

    /**
     * The common values.
     *
     * @param arms the loops' arms
     * @param generations the last generation K
     * @param rows rows n per generation
     * @param seeds seeds per arm
     * @param seed base seed
     */
    public record Common(List<LoopArm> arms, int generations, int rows, int seeds, long seed) {}

    /** Reads the common fields of a (quick-merged) study file; null when any is missing or bad. */
    public static Common read(StudyFile f, JsonNode r, int maxRows) {
        f.real(r, "budget_minutes", "budget_minutes", 0.1, 10_000, 60, true); // documented wall-time budget
        int generations = f.integer(r, "generations", "generations", 1, 100, -1);
        int rows = f.integer(r, "rows", "rows", 1, maxRows, -1);
        int seeds = f.integer(r, "seeds", "seeds", 1, 100, 3);
        long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE / 2_000_000L, 2024);
        List<LoopArm> arms = arms(f, r.path("loops"));
        if (generations < 1 || rows < 1 || seeds < 1 || arms == null) {
            return null;
        }
        return new Common(arms, generations, rows, seeds, seed);
    }

    private static List<LoopArm> arms(StudyFile f, JsonNode loops) {
        if (!loops.isArray() || loops.isEmpty()) {
            f.error(
                    "loops",
                    loops,
                    "a non-empty list of {schedule: replace|accumulate|accumulate-subsample, fresh_real: "
                            + "R in [0, 1], variant: standard|real_only|first_teacher|growing_budget}");
            return null;
        }
        List<LoopArm> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < loops.size(); i++) {
            String field = "loops[" + i + "]";
            JsonNode l = loops.get(i);
            if (!l.isObject()) {
                f.error(field, l, "a mapping {schedule, fresh_real, variant}");
                ok = false;
                continue;
            }
            f.unknownKeys(l, Set.of("schedule", "fresh_real", "variant"), field + ".");
            String s = f.text(l, "schedule", field + ".schedule", true);
            double r = f.real(l, "fresh_real", field + ".fresh_real", 0, 1, 0, true);
            String vs = l.has("variant") ? f.text(l, "variant", field + ".variant", true) : "standard";
            LoopArm.Variant variant = null;
            for (LoopArm.Variant v : LoopArm.Variant.values()) {
                if (v.key().equals(vs)) {
                    variant = v;
                }
            }
            if (vs != null && variant == null) {
                f.error(field + ".variant", vs, "one of standard, real_only, first_teacher, growing_budget");
            }
            if (variant == LoopArm.Variant.REAL_ONLY && r == 0) {
                f.error(field + ".fresh_real", r, "a share > 0 for a real_only control");
                variant = null;
            }
            Schedule schedule = null;
            for (Schedule e : Schedule.values()) {
                if (e.key().equals(s)) {
                    schedule = e;
                }
            }
            if (s != null && schedule == null) {
                f.error(field + ".schedule", s, "one of replace, accumulate, accumulate-subsample");
            }
            if (schedule == null || Double.isNaN(r) || variant == null) {
                ok = false;
                continue;
            }
            LoopArm a = new LoopArm(schedule, r, variant);
            if (out.contains(a)) {
                f.error(field, a.label(), "a loop not listed before");
                ok = false;
            }
            out.add(a);
        }
        return ok ? out : null;
    }
}
