package org.collapselab.examples;

import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;

public class ReadmeExample {
    public static void main(String[] args) {
        Spectrum spectrum = Spectrum.powerLaw(200, 1.0); // d = 200, eigenvalues ∝ 1/i
        // Theory curve: error vs n with 10% synthetic data of quality c² = 1 (σ = 0.5, λ = 1e-3)
        for (long n = 100; n <= 1_000_000; n *= 10) {
            Problem p = Problem.ridge(spectrum, n, 0.1, 1.0, 0.5, 1e-3);
            System.out.printf("n=%-8d theory %.5f%n", n, Theory.predict(p).testError());
        }
        // A small Monte Carlo check at n = 400: 40 runs, seed 1, 2 threads
        Problem p = Problem.ridge(spectrum, 400, 0.1, 1.0, 0.5, 1e-3);
        SimulationResult sim = Simulator.simulate(p, 40, 1, 2);
        System.out.printf(
                "n=400      simulated %.5f ± %.5f (theory %.5f)%n",
                sim.mean(), sim.stderr(), Theory.predict(p).testError());
    }
}
