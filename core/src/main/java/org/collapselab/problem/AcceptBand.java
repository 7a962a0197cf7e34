package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * Yi et al.'s accept rule (Yi, Liu, Cheng, Xu, <i>Escaping Model Collapse via Synthetic Data Verification</i>,
 * ICLR 2026): a synthetic row (x, y) is kept iff |y − xᵀθ_c| ≤ r‖x‖ + σ_c, with θ_c a reference model fixed for the
 * whole run: the truth w1 (an oracle verifier) or a ridge / random-projection fit on fresh real rows of its own
 * ({@code model}, the forms of {@link SyntheticTeacher}; one fresh verifier per simulation run). ‖x‖ is the Euclidean
 * norm in R^d. Flag forms {@code --accept-band R:SIGMA_C} and {@code --accept-model truth|ridge:NC:LAMC|rp:NC:MC:LAMC}.
 * Simulation only.
 *
 * @param radius r ≥ 0, the band's slope in ‖x‖
 * @param offset σ_c ≥ 0, the band's constant half-width
 * @param model θ_c's source: {@link SyntheticTeacher#NONE} for the truth w1, else a fit on fresh real rows
 */
public record AcceptBand(double radius, double offset, SyntheticTeacher model) implements java.io.Serializable {
    private static final String FORM = "R:SIGMA_C with R, SIGMA_C finite and >= 0";

    public AcceptBand {
        if (!(radius >= 0 && radius <= Double.MAX_VALUE) || !(offset >= 0 && offset <= Double.MAX_VALUE)) {
            throw new ParameterException("acceptBand", radius + ":" + offset, FORM);
        }
        model = model == null ? SyntheticTeacher.NONE : model;
    }

    /** Parses {@code R:SIGMA_C} and the model ({@code truth}, {@code ridge:NC:LAMC} or {@code rp:NC:MC:LAMC}). */
    public static AcceptBand parse(String band, String model) {
        String[] parts = band == null ? new String[0] : band.trim().split(":", -1);
        double r;
        double c;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            r = Double.parseDouble(parts[0]);
            c = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new ParameterException("acceptBand", band, FORM);
        }
        String m = model == null ? "truth" : model.trim().toLowerCase(Locale.ROOT);
        SyntheticTeacher t;
        try {
            t = m.equals("truth") ? SyntheticTeacher.NONE : SyntheticTeacher.parse(m);
        } catch (ParameterException e) {
            throw new ParameterException("acceptModel", model, "truth, ridge:NC:LAMC or rp:NC:MC:LAMC");
        }
        if (m.equals("none")) {
            throw new ParameterException("acceptModel", model, "truth, ridge:NC:LAMC or rp:NC:MC:LAMC");
        }
        return new AcceptBand(r, c, t);
    }

    /** The flag form of the model: {@code truth} or the fit's form. */
    public String modelKey() {
        return model.isNone() ? "truth" : model.key();
    }

    /** True when |y − xᵀθ_c| ≤ r‖x‖ + σ_c. */
    public boolean accepts(double residual, double norm) {
        return Math.abs(residual) <= radius * norm + offset;
    }
}
