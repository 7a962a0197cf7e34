package org.collapselab.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.collapselab.theory.RidgeTheory;
import org.collapselab.theory.TheoryResult;
import org.collapselab.theory.TwoSourceRidgeTheory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The law on exact atoms is the core's theory; the compressed atoms approximate the full spectrum. */
class CollapseLawTest {

    @ParameterizedTest(name = "{0} d={1} n={2} p2={3} λ={4}")
    @CsvSource({
        "iso,100,400,0.3,0",
        "iso,400,100,0.3,0",
        "iso,300,300,0.2,0.01",
        "power:1.0,250,100,0.5,0",
        "power:1.5,100,1000,0.9,1e-4",
        "power:1.0,200,200,0.01,0.5",
        "iso,50,100000,0.4,0"
    })
    void isTheCoreRidgeTheoryOnExactAtoms(String kind, int d, int n, double p2, double lambda) {
        Spectrum s = Agreement.spectrum(kind, d);
        double c2 = 1.7;
        double sigma = 0.4;
        TheoryResult core = RidgeTheory.predict(s, n, p2, c2, sigma, lambda);
        LawTerms t = CollapseLaw.terms(LawAtoms.ofEigenvalues(s.eigenvalues()), n, p2, 1, lambda);
        assertThat(t.converged()).isTrue();
        // The core's teacher has E‖w1‖²_Σ = tr Σ/d: the law's unit-signal bias times that scale.
        double signal = s.trace() / d;
        assertThat(signal * t.bias()).isCloseTo(core.bias(), within(1e-10 * (1 + core.bias())));
        assertThat(sigma * sigma * t.variance()).isCloseTo(core.variance(), within(1e-10 * (1 + core.variance())));
        assertThat(c2 * t.synthetic()).isCloseTo(core.zeta(), within(1e-10 * (1 + core.zeta())));
    }

    @ParameterizedTest(name = "{0} d={1} n={2} p2={3} A={4} λ={5}")
    @CsvSource({
        "iso,100,400,0.5,0.3,0",
        "power:1.0,100,400,0.5,3,0",
        "power:1.0,300,100,0.4,0.2,0",
        "iso,200,250,0.2,0.5,0.01",
        "power:1.5,150,600,0.7,5,0.05",
        "power:1.0,400,100,0.3,0.05,1e-3",
        "iso,60,1000,0.9,0.01,1e-4",
        "power:0.5,100,300,0.5,0,0.1"
    })
    void isTheCoreTwoSourceTheoryOnExactAtoms(String kind, int d, int n, double p2, double weight, double lambda) {
        Spectrum s = Agreement.spectrum(kind, d);
        double c2 = 1.3;
        double sigma = 0.6;
        long n2 = Math.round(p2 * n);
        TheoryResult core = TwoSourceRidgeTheory.predict(s, s, n - n2, n2, c2, sigma, sigma, weight, lambda);
        LawTerms t = CollapseLaw.terms(LawAtoms.ofEigenvalues(s.eigenvalues()), n, (double) n2 / n, weight, lambda);
        assertThat(t.converged()).isTrue();
        double signal = s.trace() / d;
        assertThat(signal * t.bias()).isCloseTo(core.bias(), within(1e-9 * (1 + core.bias())));
        assertThat(sigma * sigma * t.variance()).isCloseTo(core.variance(), within(1e-9 * (1 + core.variance())));
        assertThat(c2 * t.synthetic()).isCloseTo(core.zeta(), within(1e-9 * (1 + core.zeta())));
    }

    /** The compressed power-law atoms give the full spectrum's terms to 1e-5 relative (the quadrature's accuracy). */
    @ParameterizedTest(name = "d={0} α={1} n={2} λ={3} γ={4}")
    @CsvSource({
        "5000,1.3,800,1e-3,0",
        "5000,0.7,8000,1e-2,0",
        "20000,2.0,3000,1e-6,0",
        "3000,1.0,1000,0,0",
        "20000,1.3,2000,1e-4,1",
        "2000,0.3,500,1e-3,0.5"
    })
    void compressedAtomsMatchTheFullSpectrum(int d, double alpha, int n, double lambda, double gamma) {
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = Math.pow(i + 1, -alpha);
        }
        LawAtoms full = fullAtoms(e, gamma);
        LawAtoms compressed = LawAtoms.of(new LawShape(d, alpha, lambda, gamma));
        assertThat(compressed.size()).isLessThan(200);
        for (double p2 : new double[] {0, 0.3}) {
            for (double weight : new double[] {1, 0.4}) {
                LawTerms a = CollapseLaw.terms(full, n, p2, weight, lambda);
                LawTerms b = CollapseLaw.terms(compressed, n, p2, weight, lambda);
                assertThat(b.bias()).isCloseTo(a.bias(), within(1e-5 * a.bias() + 1e-14));
                assertThat(b.variance()).isCloseTo(a.variance(), within(1e-5 * a.variance() + 1e-14));
                assertThat(b.synthetic()).isCloseTo(a.synthetic(), within(1e-5 * a.synthetic() + 1e-14));
            }
        }
    }

    @Test
    void isContinuousInTheDimension() {
        for (double d : new double[] {32, 33, 100}) {
            double below = CollapseLaw.terms(LawAtoms.of(new LawShape(d - 1e-9, 1.2, 1e-3, 0)), 50, 0.3, 1, 1e-3)
                    .synthetic();
            double above = CollapseLaw.terms(LawAtoms.of(new LawShape(d + 1e-9, 1.2, 1e-3, 0)), 50, 0.3, 1, 1e-3)
                    .synthetic();
            assertThat(above).isCloseTo(below, within(1e-6 * below));
        }
    }

    /** n → ∞ with A = 1: the error tends to floor + p2²·gap (strong collapse), the clean part to the λ-bias. */
    @Test
    void tendsToTheCollapseFloor() {
        LawParameters p = new LawParameters(0.05, 1, 0.3, 0.4, new LawShape(200, 1.0, 1e-6, 0));
        double far = CollapseLaw.predict(p, 1e9, 0.5, 1);
        assertThat(far).isCloseTo(0.05 + 0.25 * 0.4, within(1e-4));
    }

    private static LawAtoms fullAtoms(double[] e, double gamma) {
        // Same construction as LawShape atoms below 65 directions: one atom per eigenvalue with the chosen γ.
        LawAtoms iso = LawAtoms.ofEigenvalues(e);
        if (gamma == 0) {
            return iso;
        }
        double sum = 0;
        for (int i = 0; i < e.length; i++) {
            iso.shift[i] = Math.pow(e[i], gamma);
            sum += iso.shift[i];
        }
        for (int i = 0; i < e.length; i++) {
            iso.shift[i] /= sum;
        }
        return iso;
    }
}
