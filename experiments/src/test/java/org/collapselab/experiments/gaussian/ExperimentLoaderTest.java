package org.collapselab.experiments.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.study.StudyFileException;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {
    private static final String GOOD = """
      name: demo
      compute: both
      runs: 3
      seed: 7
      fixed: {model: rp, spectrum: iso, d: 40, n: 50, sigma: 0.5, lambda: 0.01}
      sweep:
        m: {from: 10, to: 1000, num: 3, scale: log}
        p2: [0, 0.1, 0.3]
        c2: {linspace: [1, 3, 3]}
      figures:
        - {name: width, type: line, x: m, series: p2, panels: c2}
        - {name: pareto, type: pareto}
      quick:
        runs: 1
        sweep: {m: [10, 20]}
      """;

    @Test
    void readsAValidFile() {
        Experiment e = ExperimentLoader.parse("demo.yaml", GOOD, false);
        assertThat(e.name()).isEqualTo("demo");
        assertThat(e.runs()).isEqualTo(3);
        assertThat(e.compute()).isEqualTo(Compute.BOTH);
        assertThat(e.values().get(Param.M)).containsExactly(10L, 100L, 1000L);
        assertThat(e.values().get(Param.C2)).containsExactly(1.0, 2.0, 3.0);
        assertThat(e.values().get(Param.SEED)).containsExactly(7L);
        assertThat(e.swept()).containsExactly(Param.M, Param.P2, Param.C2);
        assertThat(e.figures()).hasSize(2);
        FigureSpec pareto = e.figures().get(1);
        assertThat(pareto.type()).isEqualTo(FigureSpec.Type.PARETO);
        assertThat(pareto.panels()).isEqualTo(Param.P2);
        assertThat(pareto.shape()).isEqualTo(Param.C2);
    }

    @Test
    void quickOverridesApplyOnlyWhenAsked() {
        Experiment q = ExperimentLoader.parse("demo.yaml", GOOD, true);
        assertThat(q.runs()).isEqualTo(1);
        assertThat(q.values().get(Param.M)).containsExactly(10L, 20L);
    }

    @Test
    void reportsEveryErrorAtOnceNamingFileFieldValueAndAllowed() {
        String bad = """
        name: "bad name!"
        compute: sometimes
        runs: 0
        colour: red
        fixed: {model: cnn, d: 10.5, n: 100, sigma: -1}
        sweep:
          p2: [0, 1.5]
          c2: {from: 0, to: 1, num: 0}
          lambda: {logspace: [0, 1, 3]}
        figures:
          - {name: f, x: zeta, series: p2}
        """;
        assertThatThrownBy(() -> ExperimentLoader.parse("bad.yaml", bad, false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> {
                    List<String> errs = ex.errors();
                    assertThat(errs)
                            .allSatisfy(
                                    l -> assertThat(l).startsWith("bad.yaml: ").contains("; allowed: "));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo(
                                    "bad.yaml: name: got 'bad name!'; allowed: 1-100 characters from A-Z a-z 0-9 . _ -, not starting with '.' (names the results "
                                            + "and the output folder)"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo("bad.yaml: compute: got 'sometimes'; allowed: theory, simulation or both"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo("bad.yaml: runs: got 0; allowed: an integer in [1, 10000]"));
                    assertThat(errs).anySatisfy(l -> assertThat(l).startsWith("bad.yaml: colour: got 'colour'"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo("bad.yaml: fixed.model: got 'cnn'; allowed: ridge or rp"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .startsWith("bad.yaml: fixed.d: got 10.5; allowed: an integer"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo("bad.yaml: fixed.sigma: got -1; allowed: a finite number >= 0"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .isEqualTo("bad.yaml: sweep.p2[1]: got 1.5; allowed: a number in [0, 1]"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .startsWith("bad.yaml: sweep.c2.num: got 0; allowed: an integer"));
                    assertThat(errs).anySatisfy(l -> assertThat(l)
                            .startsWith("bad.yaml: sweep.lambda: got 'from 0.0 to 1.0';" + " allowed: both ends > 0"));
                    assertThat(errs).anySatisfy(l -> assertThat(l).startsWith("bad.yaml: figures[0].x: got 'zeta'"));
                    // no follow-on errors about fields that were given but invalid
                    assertThat(errs).noneSatisfy(l -> assertThat(l).startsWith("bad.yaml: fixed.d: got nothing"));
                    assertThat(errs).noneSatisfy(l -> assertThat(l).contains("figures[0].series"));
                    assertThat(errs).hasSize(11);
                });
    }

    @Test
    void crossFieldChecks() {
        String bad = """
        name: x
        fixed: {model: rp, d: 10, n: 20, p2: 0.1}
        sweep: {c2: [1, 2], p2: [0.2]}
        figures:
          - {name: f, type: pareto}
        """;
        assertThatThrownBy(() -> ExperimentLoader.parse("x.yaml", bad, false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> assertThat(ex.errors())
                        .anySatisfy(l -> assertThat(l).contains("sweep.p2: got 'p2'; allowed: each parameter once"))
                        .anySatisfy(l -> assertThat(l)
                                .contains("fixed.m: got nothing; allowed:")
                                .contains("required for model rp"))
                        .anySatisfy(
                                l -> assertThat(l).contains("figures[0].type").contains("sweep m")));
    }

    @Test
    void unusedSweptParameterInAFigureIsAnError() {
        String bad = """
        name: x
        fixed: {d: 10, n: 20, c2: 1}
        sweep: {p2: [0, 0.5], lambda: [0.1, 1]}
        figures:
          - {name: f, x: p2}
        """;
        assertThatThrownBy(() -> ExperimentLoader.parse("x.yaml", bad, false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> assertThat(ex.errors())
                        .containsExactly(
                                "x.yaml: figures[0]: got 'sweep parameter lambda with 2 values unused'; allowed: every swept parameter "
                                        + "used as x, series, panels or fixed with where.lambda"));
    }

    @Test
    void missingFileAndBadYamlAreOneLineErrors() {
        assertThatThrownBy(() -> ExperimentLoader.load(Path.of("/nonexistent/x.yaml"), false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> assertThat(ex.errors())
                        .containsExactly("/nonexistent/x.yaml: cannot read: no such file"));
        assertThatThrownBy(() -> ExperimentLoader.parse("y.yaml", "name: [unclosed", false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> assertThat(ex.errors())
                        .singleElement()
                        .satisfies(l -> assertThat(l).startsWith("y.yaml: not valid YAML (line")));
    }

    @Test
    void bundledStudiesAreValidInBothModes() {
        List<String> bundled =
                new java.util.ArrayList<>(org.collapselab.experiments.reproduce.Reproductions.available(false)
                        .get("gaussian")
                        .studies());
        bundled.add("universality");
        for (String s : bundled) {
            assertThat(org.collapselab.experiments.gaussian.ExperimentLoader.read(
                                    org.collapselab.experiments.study.StudyFile.bundled(s), false)
                            .figures())
                    .isNotEmpty();
            assertThat(org.collapselab.experiments.gaussian.ExperimentLoader.read(
                                    org.collapselab.experiments.study.StudyFile.bundled(s), true)
                            .figures())
                    .isNotEmpty();
        }
    }

    @Test
    void featureLawsAreSweptCanonicalAndValidated() {
        String file = """
        name: u
        compute: both
        fixed: {d: 10, n: 20, p2: 0.2, c2: 1}
        sweep: {features: [gaussian, Student:4.0, uniform]}
        """;
        Experiment e = ExperimentLoader.parse("u.yaml", file, false);
        assertThat(e.values().get(Param.FEATURES)).containsExactly("gaussian", "student:4", "uniform");
        List<GaussianCell> cells = GridExpander.expand(e);
        assertThat(cells).extracting(GaussianCell::features).containsExactly("gaussian", "student:4", "uniform");
        // a Gaussian cell keeps the key it had before the field existed; other laws are other cells
        GaussianCell g = cells.get(0);
        assertThat(g.key())
                .isEqualTo(new GaussianCell(
                                g.model(),
                                g.spectrum(),
                                g.d(),
                                g.n(),
                                g.m(),
                                g.p2(),
                                g.c2(),
                                g.sigma(),
                                g.lambda(),
                                g.baseSeed(),
                                g.runs(),
                                g.theory(),
                                g.simulation())
                        .key());
        assertThat(g.configJson()).doesNotContain("features");
        assertThat(cells.get(1).configJson()).contains("\"features\":\"student:4\"");
        assertThat(cells.stream().map(GaussianCell::key).distinct()).hasSize(3);
        assertThatThrownBy(() -> ExperimentLoader.parse(
                        "u.yaml", file.replace("Student:4.0, uniform", "student:2, cauchy"), false))
                .isInstanceOfSatisfying(
                        StudyFileException.class,
                        ex -> assertThat(ex.errors())
                                .containsExactly(
                                        "u.yaml: sweep.features[1]: got 'student:2'; allowed: gaussian, rademacher, uniform or student:NU with NU > 2",
                                        "u.yaml: sweep.features[2]: got 'cauchy'; allowed: gaussian, rademacher, uniform or student:NU with NU > 2"));
    }

    @Test
    void deviationFiguresNeedTheoryAndSimulation() {
        String file = """
        name: u
        compute: theory
        fixed: {d: 10, p2: 0.2, c2: 1}
        sweep: {n: [5, 20]}
        figures:
          - {name: f, x: n, metric: deviation}
        """;
        assertThatThrownBy(() -> ExperimentLoader.parse("u.yaml", file, false))
                .isInstanceOfSatisfying(StudyFileException.class, ex -> assertThat(ex.errors())
                        .containsExactly(
                                "u.yaml: figures[0].metric: got 'deviation'; allowed: error, bias, variance or zeta (deviation compares "
                                        + "simulation with theory: compute must be both)"));
    }
}
