package org.collapselab.experiments.reproduce;

import org.collapselab.validation.InputProblem;

/** A study a reproduction needs cannot run here (its data or module is missing): the message says how to get it. */
public final class StudyUnavailableException extends IllegalStateException implements InputProblem {
    public StudyUnavailableException(String message) {
        super(message);
    }
}
