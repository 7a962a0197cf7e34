package org.collapselab.experiments.store;

/** The answer to {@link ResultStore#claim}: whether this run may compute the cell now. */
public enum Claim {
    /** This run holds the claim: compute the cell, then put it (the claim is dropped with the put) or release it. */
    CLAIMED,
    /** The cell is already stored: nothing to compute. */
    DONE,
    /** Another live run holds an unexpired claim: skip it for now and ask again later. */
    TAKEN
}
