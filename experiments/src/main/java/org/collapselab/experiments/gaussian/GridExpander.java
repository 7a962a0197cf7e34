package org.collapselab.experiments.gaussian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.problem.ModelKind;

/**
 * Expands an {@link Experiment} into its cells: the Cartesian product of every parameter's values (the last swept
 * parameter varies fastest), canonicalised and de-duplicated by key, in a stable order.
 */
public final class GridExpander {
    private GridExpander() {}

    /** All distinct cells of the experiment. */
    public static List<GaussianCell> expand(Experiment e) {
        List<Param> order = new ArrayList<>();
        for (Param p : Param.values()) {
            if (!e.swept().contains(p)) {
                order.add(p);
            }
        }
        order.addAll(e.swept());
        Map<String, GaussianCell> cells = new LinkedHashMap<>();
        Object[] current = new Object[Param.values().length];
        recurse(e, order, 0, current, cells);
        return new ArrayList<>(cells.values());
    }

    /** Number of raw grid points (before de-duplication). */
    public static long rawSize(Experiment e) {
        long n = 1;
        for (List<Object> v : e.values().values()) {
            n *= v.size();
        }
        return n;
    }

    private static void recurse(Experiment e, List<Param> order, int i, Object[] cur, Map<String, GaussianCell> out) {
        if (i == order.size()) {
            GaussianCell c = build(e, cur);
            out.putIfAbsent(c.key(), c);
            return;
        }
        Param p = order.get(i);
        for (Object v : e.values().get(p)) {
            cur[p.ordinal()] = v;
            recurse(e, order, i + 1, cur, out);
        }
    }

    private static GaussianCell build(Experiment e, Object[] v) {
        ModelKind model = ModelKind.parse((String) v[Param.MODEL.ordinal()]);
        int n = toInt(v[Param.N.ordinal()]);
        int m = v[Param.M.ordinal()] == null ? 0 : toInt(v[Param.M.ordinal()]);
        int d = toInt(v[Param.D.ordinal()]);
        boolean sim = e.compute().simulation();
        for (Map.Entry<Param, Double> lim : e.simulationLimits().entrySet()) {
            Object val = v[lim.getKey().ordinal()];
            if (val instanceof Number num && num.doubleValue() > lim.getValue()) {
                sim = false;
            }
        }
        return new GaussianCell(
                model,
                (String) v[Param.SPECTRUM.ordinal()],
                d,
                n,
                m,
                toDouble(v[Param.P2.ordinal()]),
                toDouble(v[Param.C2.ordinal()]),
                toDouble(v[Param.SIGMA.ordinal()]),
                toDouble(v[Param.LAMBDA.ordinal()]),
                ((Number) v[Param.SEED.ordinal()]).longValue(),
                e.runs(),
                e.compute().theory(),
                sim,
                (String) v[Param.FEATURES.ordinal()]);
    }

    private static int toInt(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static double toDouble(Object o) {
        return ((Number) o).doubleValue();
    }
}
