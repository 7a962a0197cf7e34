package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.validation.ParameterException;

/**
 * A request the server answers with an error status and a one-line JSON body ({@code error}, and for bad input
 * {@code field}, {@code allowed}, {@code value}); never a stack trace.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final transient ObjectNode body;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = TheoryJson.COMPACT.createObjectNode().put("error", message);
    }

    /** 400 for a parameter outside its allowed range; field names in flag form ({@code synthetic-weight}). */
    static ApiError badParameter(ParameterException e) {
        String field = ProblemFlags.flagName(e.field());
        ApiError a = new ApiError(400, field + " must be " + e.allowed() + ", got " + e.value());
        a.body.put("field", field).put("allowed", e.allowed()).put("value", e.value());
        return a;
    }

    /** 400 naming a field. */
    static ApiError badField(String field, Object value, String allowed) {
        return badParameter(new ParameterException(field, value, allowed));
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
