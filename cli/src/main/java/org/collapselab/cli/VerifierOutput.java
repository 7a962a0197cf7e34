package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.collapselab.advice.Regime;
import org.collapselab.advice.VerifiedRecipe;
import org.collapselab.advice.VerifierAdvisor;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Verifier;

/** {@code advise --verifier PHI,PSI}: does the verifier pay, and how many rows to generate (table or JSON). */
final class VerifierOutput {
    private VerifierOutput() {}

    static void print(PrintWriter w, boolean json, Regime regime, Verifier v, Double keep) {
        long start = System.nanoTime();
        VerifierAdvisor.Answer a = VerifierAdvisor.advise(regime, v);
        double seconds = (System.nanoTime() - start) / 1e9;
        double k = keep != null ? keep : a.verified().keptRows();
        VerifierAdvisor.Generate g = VerifierAdvisor.rowsToKeep(v, k);
        boolean rp = regime.model() == ModelKind.RANDOM_PROJECTION;
        if (json) {
            ObjectNode o = TheoryJson.MAPPER.createObjectNode();
            ObjectNode r = o.putObject("regime");
            r.put("model", regime.model().key());
            r.put("spectrum", regime.real().label());
            r.put("syntheticSpectrum", regime.effectiveSynthetic().label());
            r.put("d", regime.real().dimension());
            r.put("n1", regime.realRows());
            r.put("n2", regime.syntheticRows());
            r.put("sigma", regime.sigmaReal());
            r.put("syntheticSigma", regime.sigmaSynthetic());
            r.put("c2", regime.c2());
            r.put("signal", regime.signal());
            ObjectNode ver = o.putObject("verifier");
            ver.put("badShare", v.badShare());
            ver.put("keepGood", v.keepGood());
            ver.put("keepBad", v.keepBad());
            ver.put("keepRate", a.keepRate());
            recipe(o.putObject("verified"), a.verified(), rp);
            recipe(o.putObject("unverified"), a.unverified(), rp);
            recipe(o.putObject("allVerified"), a.allVerified(), rp);
            recipe(o.putObject("realOnly"), a.realOnly(), rp);
            o.put("pays", a.pays());
            o.put("gainOverUnverified", a.gainOverUnverified());
            o.put("gainOverRealOnly", a.gainOverRealOnly());
            ObjectNode gen = o.putObject("generate");
            gen.put("keep", g.keep());
            gen.put("expected", g.expected());
            gen.put("confident95", g.confident());
            o.put("evaluations", a.evaluations());
            o.put("seconds", seconds);
            w.println(TheoryJson.write(o));
            return;
        }
        w.printf(
                "regime: %s, d = %d, Σ1 %s, Σ2 %s, n1 = %d real, up to n2 = %d generated rows, σ1 = %g, σ2 = %g, "
                        + "c² = %g of the bad rows%n",
                regime.model().key(),
                regime.real().dimension(),
                regime.real().label(),
                regime.effectiveSynthetic().label(),
                regime.realRows(),
                regime.syntheticRows(),
                regime.sigmaReal(),
                regime.sigmaSynthetic(),
                regime.c2());
        w.printf(
                "verifier: keeps good rows with ϕ = %g, bad rows with ψ = %g; bad share π = %g; %.4g kept per generated "
                        + "row%n",
                v.keepGood(), v.keepBad(), v.badShare(), a.keepRate());
        w.printf(
                "%-22s %10s %10s %10s %11s %8s %14s%n",
                "recipe", "generated", "kept", "kept bad", "lambda", "m", "predicted MSE");
        row(w, "verified, best N", a.verified());
        row(w, "unverified, best N", a.unverified());
        row(w, "all n2 verified", a.allVerified());
        row(w, "real only", a.realOnly());
        w.printf(
                "the verifier %s: %+.4g (%.1f%%) against the best without it, %+.4g (%.1f%%) against real only%n",
                a.pays() ? "pays" : "does not pay",
                -a.gainOverUnverified(),
                -100 * a.gainOverUnverified() / a.unverified().predictedTestMse(),
                -a.gainOverRealOnly(),
                -100 * a.gainOverRealOnly() / a.realOnly().predictedTestMse());
        w.printf(
                "to keep %.0f rows: generate %.0f on average, %d to keep that many with probability ≈ 95%%%n",
                g.keep(), g.expected(), g.confident());
        w.printf(
                "(MSE = expected squared error on a fresh real row, σ1² included; kept rows weigh like real rows; %d "
                        + "theory points in %.2f s)%n",
                a.evaluations(), seconds);
    }

    private static void recipe(ObjectNode o, VerifiedRecipe r, boolean rp) {
        o.put("generated", r.generated());
        o.put("keptRows", r.keptRows());
        o.put("keptBadRows", r.keptBadRows());
        o.put("lambda", r.lambda());
        if (rp) {
            o.put("width", r.width());
        }
        o.put("predictedTestError", r.predictedTestMse());
        o.put("predictedExcessRisk", r.predictedTestError());
        TheoryJson.put(o.putObject("theory"), r.theory(), 0);
    }

    private static void row(PrintWriter w, String name, VerifiedRecipe r) {
        w.printf(
                "%-22s %10d %10.1f %10.1f %11.4g %8s %14.6g%n",
                name,
                r.generated(),
                r.keptRows(),
                r.keptBadRows(),
                r.lambda(),
                r.width() == 0 ? "-" : Long.toString(r.width()),
                r.predictedTestMse());
    }
}
