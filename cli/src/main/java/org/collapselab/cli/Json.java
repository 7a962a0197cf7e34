package org.collapselab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.problem.Problem;
import org.collapselab.theory.TheoryResult;

/** JSON output helpers for the commands. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The problem's parameters as a JSON object. */
  static ObjectNode problem(Problem p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("model", p.model().key());
    o.put("spectrum", p.spectrum().label());
    if (p.syntheticSpectrum() != null) {
      o.put("syntheticSpectrum", p.syntheticSpectrum().label());
    }
    o.put("d", p.d());
    o.put("n", p.n());
    if (p.model() == org.collapselab.problem.ModelKind.RANDOM_PROJECTION) {
      o.put("m", p.m());
    }
    o.put("p2", p.p2());
    o.put("c2", p.c2());
    o.put("sigma", p.sigma());
    o.put("lambda", p.lambda());
    if (p.syntheticSigma() != p.sigma()) {
      o.put("syntheticSigma", p.syntheticSigma());
    }
    if (p.syntheticWeight() != 1.0) {
      o.put("syntheticWeight", p.syntheticWeight());
    }
    if (p.estimator() != org.collapselab.problem.Estimator.MIX) {
      o.put("estimator", p.estimator().key());
    }
    if (p.generations().looping()) {
      o.put("generationCount", p.generations().count());
      o.put("schedule", p.generations().schedule().key());
      o.put("freshReal", p.generations().freshReal());
    }
    return o;
  }

  /** Adds the theory fields to a JSON object. */
  static void putTheory(ObjectNode o, TheoryResult r, double floor) {
    o.put("testError", r.testError() + floor);
    o.put("bias", r.bias());
    o.put("variance", r.variance());
    o.put("zeta", r.zeta());
    o.put("effectiveRegularization", r.effectiveRegularization());
    o.put("converged", r.converged());
    o.put("iterations", r.iterations());
    o.put("residual", r.residual());
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
