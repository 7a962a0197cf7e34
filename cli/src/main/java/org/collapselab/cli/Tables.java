package org.collapselab.cli;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;

/** Readable one-line summaries for table output. */
final class Tables {
    private Tables() {}

    static String problemLine(Problem p) {
        return p.model().key() + "  spectrum=" + p.spectrum().label()
                + (p.syntheticSpectrum() != null
                        ? " synthetic-spectrum=" + p.syntheticSpectrum().label()
                        : "")
                + "  d=" + p.d() + "  n=" + p.n() + (p.model() == ModelKind.RANDOM_PROJECTION ? "  m=" + p.m() : "")
                + "  p2=" + p.p2()
                + (p.teacher().isNone()
                        ? "  c2=" + p.c2()
                        : "  synthetic-teacher=" + p.teacher().key())
                + "  sigma=" + p.sigma() + "  lambda=" + p.lambda()
                + (p.syntheticSigma() != p.sigma() ? "  synthetic-sigma=" + p.syntheticSigma() : "")
                + (p.syntheticWeight() != 1.0 ? "  synthetic-weight=" + p.syntheticWeight() : "")
                + (p.estimator() != org.collapselab.problem.Estimator.MIX
                        ? "  estimator=" + p.estimator().key()
                        : "")
                + (p.verifier().isNone()
                                || p.verifier().band() != null && p.verifier().badShare() == 1
                        ? ""
                        : "  bad-share=" + p.verifier().badShare() + " keep-good="
                                + p.verifier().keepGood() + " keep-bad="
                                + p.verifier().keepBad())
                + (p.generations().looping()
                        ? "  generations=" + p.generations().count() + " schedule="
                                + p.generations().schedule().key() + " fresh-real="
                                + p.generations().freshReal()
                                + (p.generations().growth() != 1
                                        ? " growth=" + p.generations().growth()
                                        : "")
                                + (p.generations().correction() != 0
                                        ? " correction=" + p.generations().correction()
                                        : "")
                        : "")
                + (p.verifier().band() == null
                        ? ""
                        : "  accept-band=" + p.verifier().band().radius() + ":"
                                + p.verifier().band().offset() + " accept-model="
                                + p.verifier().band().modelKey());
    }
}
