package org.collapselab.experiments.gaussian;

import java.util.List;
import org.collapselab.experiments.report.Claim;

/**
 * Which of the paper's Gaussian claims a study judges (its {@code claims:} key): none; the collapse plateau and
 * theory vs simulation ({@link GaussianClaims#scaling}); the peak near m = n ({@link GaussianClaims#width}); the best
 * model size vs quality ({@link GaussianClaims#pareto}); or theory vs simulation per feature law
 * ({@link UniversalityClaims}).
 */
public enum ClaimSet {
    NONE,
    SCALING,
    WIDTH,
    PARETO,
    UNIVERSALITY;

    /** The claims of this set judged on a run. */
    public List<Claim> judge(GaussianRun run) {
        return switch (this) {
            case NONE -> List.of();
            case SCALING -> GaussianClaims.scaling(run);
            case WIDTH -> GaussianClaims.width(run);
            case PARETO -> GaussianClaims.pareto(run);
            case UNIVERSALITY -> UniversalityClaims.of(run.results());
        };
    }
}
