package org.collapselab.server;

/**
 * What one request may ask of the server, so that a page or script cannot tie up the machine. Theory is O(d) per
 * point, simulation O(n·d·min(n, d)) per run; the limits bound both.
 */
final class Limits {
    /** Largest dimension d (the spectrum is held in memory). */
    static final int MAX_D = 1_000_000;
    /** Most points in one theory sweep. */
    static final int MAX_SWEEP_POINTS = 2000;
    /** Most (points × d) in one theory request. */
    static final long MAX_THEORY_WORK = 50_000_000L;
    /** Most points in one simulation job. */
    static final int MAX_SIM_POINTS = 40;
    /** Most runs per point in one simulation job. */
    static final int MAX_RUNS = 200;
    /** Largest d·n (and d·m) of a simulated point: the size of the design (and projection) matrices. */
    static final long MAX_SIM_CELLS = 20_000_000L;
    /** Most generations of a simulated retraining loop. */
    static final int MAX_SIM_GENERATIONS = 50;
    /** Simulation jobs running at once; more are refused with 429. */
    static final int MAX_RUNNING_JOBS = 2;
    /** Jobs kept for {@code GET /api/jobs/{id}}; the oldest finished ones are forgotten first. */
    static final int MAX_KEPT_JOBS = 64;
    /** Largest request body. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /** Largest body of {@code POST /api/diagnose} (two CSV texts). */
    static final long MAX_UPLOAD_BYTES = 8L * 1024 * 1024;
    /** Most cells listed per {@code /api/studies/cells} answer. */
    static final int MAX_CELL_ROWS = 5000;

    private Limits() {}
}
