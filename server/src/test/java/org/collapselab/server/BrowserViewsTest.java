package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The explorer's views in headless Chromium: annotations only where they hold, verifier and trained-teacher
 * controls, an empty plot that says why and gaps where the theory is undefined, zoom kept across updates, log/linear
 * toggles, the generations view (loop status, "approximate" basis, simulation through the loop simulator), the
 * results table, tooltips and accessible names of every control, diagnose on files picked in the page, an 800-pixel
 * and a phone-width layout, dark mode. Saves the screenshots shown in docs/server.md under target/explorer-*.png.
 */
@Tag("browser")
class BrowserViewsTest {
    @TempDir
    Path tmp;

    @Test
    void views() throws Exception {
        try (BrowserSession b = new BrowserSession(tmp.resolve("profile"), resultsFolder(), 1400, 1000)) {
            b.open("");
            b.screenshot("explorer-light");
            annotations(b);
            verifierAndTeacher(b);
            emptyPlotsAndGaps(b);
            zoomAndToggles(b);
            generations(b);
            results(b);
            diagnose(b);
            forecast(b);
            namesAndTooltips(b);
            layoutAndTheme(b);
        }
    }

    private static void annotations(BrowserSession b) {
        assertThat(b.trace("plot-n", "p2²c² (n → ∞)"))
                .as("the floor in the paper's setting")
                .isNotNull();
        b.select("ctl-estimator", "prior");
        assertThat(b.trace("plot-n", "p2²c²")).isNull();
        assertThat(b.el("note-n").getText()).contains("no p2²c² line: prior estimator");
        // Parameters the setting does not use are dimmed and left out (the CLI refuses them as contradictory).
        assertThat(b.el("row-synthetic-weight").getDomAttribute("class")).contains("dim");
        assertThat(b.js("return ['synthetic-weight', 'schedule', 'fresh-real', 'm'].filter(k => Lab.query().has(k))"))
                .asList()
                .isEmpty();
        b.select("ctl-estimator", "mix");
        b.type("box-synthetic-weight", "2");
        assertThat(b.trace("plot-n", "p2²c²")).isNull();
        assertThat(b.el("note-n").getText()).contains("weight A = 2");
        b.type("box-synthetic-weight", "1");
        b.select("ctl-synthetic-spectrum", "power");
        assertThat(b.trace("plot-n", "p2²c²")).isNull();
        assertThat(b.el("note-n").getText()).contains("Σ2 ≠ Σ1");
        b.select("ctl-synthetic-spectrum", "");
        b.type("box-generations", "2");
        assertThat(b.trace("plot-n", "p2²c²")).isNull();
        assertThat(b.el("note-n").getText()).contains("generations > 0");
        b.type("box-generations", "0");
        assertThat(b.trace("plot-n", "p2²c²")).isNotNull();
    }

    /** Verifier and trained-teacher controls: the theory of the verified pool, no p2²c² line, the CLI line. */
    private static void verifierAndTeacher(BrowserSession b) {
        b.type("box-bad-share", "0.5");
        b.type("box-keep-bad", "0.2");
        Problem p =
                Problem.ridge(Spectrum.isotropic(200), 1000, 0.2, 1, 0.5, 1e-3).withVerifier(new Verifier(0.5, 1, 0.2));
        assertThat(b.js("return Lab.current.view.point.testError"))
                .isEqualTo(Theory.predict(p).testError());
        assertThat(b.js("return Lab.current.view.point.keptBadRows")).isNotNull();
        List<Double> xs = BrowserSession.numbers(b.traces("plot-n").get(0).get("x"));
        List<Double> ys = BrowserSession.numbers(b.traces("plot-n").get(0).get("y"));
        for (int i = 0; i < xs.size(); i += 15) {
            assertThat(ys.get(i))
                    .as("n = " + xs.get(i))
                    .isEqualTo(Theory.predict(p.withRows(Math.round(xs.get(i)))).testError());
        }
        assertThat(b.trace("plot-n", "p2²c²")).isNull();
        assertThat(b.el("note-n").getText()).contains("a verifier on the synthetic pool");
        b.select("copy-as", "cli");
        assertThat(b.el("copy-text").getDomProperty("value"))
                .contains(" --bad-share 0.5 --keep-bad 0.2 ")
                .doesNotContain("--keep-good")
                .doesNotContain("--synthetic-teacher");
        b.click("copy-close");
        b.type("box-bad-share", "1");
        b.type("box-keep-bad", "1");
        b.type("box-synthetic-teacher", "ridge:x");
        assertThat(b.el("err-synthetic-teacher").getText())
                .isEqualTo("teacher must be none, ridge:NS:LAMS or rp:NS:MS:LAMS, got “ridge:x”");
        assertThat(b.el("card-n").getDomAttribute("class")).contains("stale");
        b.type("box-synthetic-teacher", "ridge:150:1");
        assertThat(b.el("row-c2").getDomAttribute("class")).contains("dim");
        Problem taught = Problem.ridge(Spectrum.isotropic(200), 1000, 0.2, 0, 0.5, 1e-3)
                .withTeacher(SyntheticTeacher.ridge(150, 1));
        assertThat(b.js("return Lab.current.view.point.testError"))
                .isEqualTo(Theory.predict(taught).testError());
        assertThat(b.js("return Lab.query().has('c2')"))
                .as("no c² with a trained teacher")
                .isEqualTo(false);
        assertThat(b.el("note-n").getText()).contains("a trained teacher");
        b.type("box-synthetic-teacher", "none");
        assertThat(b.el("row-c2").getDomAttribute("class")).doesNotContain("dim");
        assertThat(b.trace("plot-n", "p2²c²")).isNotNull();
    }

    private static void emptyPlotsAndGaps(BrowserSession b) {
        b.type("box-generations", "2");
        b.select("ctl-schedule", "accumulate-subsample");
        assertThat((String) b.js("return document.getElementById('plot-n').dataset.empty"))
                .startsWith("The theory does not cover this setting: simulation only");
        assertThat(b.js("return document.getElementById('plot-n').layout.annotations[0].text"))
                .asString()
                .contains("simulation only");
        b.select("ctl-schedule", "accumulate"); // theory only where df2/n <= 1/2: gaps at small n
        b.type("box-fresh-real", "0.5");
        List<Double> y = BrowserSession.numbers(b.traces("plot-n").get(0).get("y"));
        assertThat(y).as("gaps").anySatisfy(v -> assertThat(v).isNaN());
        assertThat(y).as("numbers elsewhere").anySatisfy(v -> assertThat(v).isPositive());
        assertThat(y).as("never zeros").noneSatisfy(v -> assertThat(v).isZero());
        assertThat(b.el("note-n").getText()).startsWith("theory undefined at ");
        b.type("box-fresh-real", "0");
        b.select("ctl-schedule", "replace");
        b.type("box-generations", "0");
    }

    private static void zoomAndToggles(BrowserSession b) {
        WebElement drag = b.driver.findElement(By.cssSelector("#plot-n .nsewdrag"));
        int w = drag.getRect().getWidth();
        int h = drag.getRect().getHeight();
        new Actions(b.driver)
                .moveToElement(drag, -w / 5, -h / 5)
                .clickAndHold()
                .moveByOffset(w / 4, h / 4)
                .release()
                .perform();
        b.wait.until(d -> b.js("return Lab.frozen.n !== undefined"));
        Object zoomed = b.js("return document.getElementById('plot-n').layout.xaxis.range.slice()");
        b.el("ctl-p2").sendKeys(Keys.ARROW_RIGHT);
        b.waitForRedraw();
        assertThat(b.js("return document.getElementById('plot-n').layout.xaxis.range.slice()"))
                .isEqualTo(zoomed);
        b.el("ctl-p2").sendKeys(Keys.ARROW_LEFT);
        b.waitForRedraw();
        WebElement ylog = b.driver.findElement(By.cssSelector("#card-n [aria-label='error vs n: logarithmic y axis']"));
        assertThat(ylog.getDomAttribute("aria-pressed")).isEqualTo("true");
        ylog.click();
        b.wait.until(d -> "linear".equals(b.js("return document.getElementById('plot-n').layout.yaxis.type")));
        assertThat(ylog.getDomAttribute("aria-pressed")).isEqualTo("false");
        ylog.click();
        b.wait.until(d -> "log".equals(b.js("return document.getElementById('plot-n').layout.yaxis.type")));
    }

    private static void generations(BrowserSession b) throws Exception {
        b.click("tab-generations");
        assertThat((String) b.js("return document.getElementById('plot-generations').dataset.empty"))
                .startsWith("Set generations > 0");
        b.type("box-generations", "4");
        b.type("box-fresh-real", "0.3");
        Problem p = Problem.ridge(Spectrum.isotropic(200), 1000, 0.2, 1, 0.5, 1e-3)
                .withGenerations(new Generations(4, Schedule.REPLACE, 0.3));
        GenerationsPrediction g = GenerationsTheory.predict(p);
        Map<String, Object> theory = b.trace("plot-generations", "theory");
        List<Double> ys = BrowserSession.numbers(theory.get("y"));
        for (int k = 0; k <= 4; k++) {
            assertThat(ys.get(k)).isEqualTo(g.testError(k));
        }
        assertThat(b.el("loop-line").getText())
                .startsWith("loop: " + g.stability().status().key());
        assertThat(b.el("loop-basis").getText()).isEqualTo("basis: " + g.basis());
        assertThat(b.trace("plot-generations", "E∞ =")).isNotNull();
        b.click("pin");
        b.select("ctl-schedule", "accumulate");
        assertThat(b.el("loop-basis").getText()).startsWith("basis: approximate");
        assertThat(b.trace("plot-generations", "theory (approximate)")).isNotNull();
        assertThat(b.trace("plot-generations", "pin: schedule = replace")).isNotNull();
        b.select("ctl-schedule", "replace");
        b.select("sim-curve", "generations");
        b.type("sim-runs", "3");
        b.click("sim-start");
        b.wait.until(d -> b.js("return Lab.lastJob && Lab.lastJob.state !== 'running'"));
        assertThat(b.js("return Lab.lastJob.state")).isEqualTo("done");
        Map<String, Object> sim = b.trace("plot-generations", "simulation ± std");
        assertThat(BrowserSession.numbers(sim.get("x"))).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
        b.screenshot("explorer-generations");
        b.type("box-generations", "0");
        b.type("box-fresh-real", "0");
        b.click("tab-curves");
        b.js("Lab.pins = []; Lab.sims = []; Lab.listPins(); Lab.listSims()");
        b.click("pin");
        b.type("box-c2", "2");
        assertThat(b.el("pins").getText()).contains("c² = 1");
        b.screenshot("explorer-pinned");
        b.type("box-c2", "1");
    }

    private static void results(BrowserSession b) throws Exception {
        b.click("tab-results");
        WebElement exp = b.wait.until(d -> d.findElements(By.cssSelector("#studies a[data-exp]")).stream()
                .findFirst()
                .orElse(null));
        exp.click();
        b.wait.until(
                d -> !d.findElements(By.cssSelector("#cell-table tbody tr")).isEmpty());
        List<String> head = b.driver.findElements(By.cssSelector("#cell-table thead th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(head.get(0)).startsWith("result.");
        assertThat(head).contains("result.detail.bias", "config.n");
        assertThat(b.el("cell-table").getText()).doesNotContain("[object Object]");
        assertThat(b.driver.findElements(By.cssSelector("#cell-table tbody tr")))
                .hasSize(3);
        b.driver
                .findElement(By.cssSelector("#cell-table th button[title='Sort by result.mean']"))
                .click();
        b.driver
                .findElement(By.cssSelector("#cell-table th button[title='Sort by result.mean']"))
                .click();
        assertThat(b.js("return Lab.visibleRows().map(r => r['result.mean'])")).isEqualTo(List.of(0.5, 0.25, 0.125));
        b.type("cell-filter", "config.n > 30");
        assertThat(b.driver.findElements(By.cssSelector("#cell-table tbody tr")))
                .hasSize(2);
        b.click("cells-csv");
        assertThat((String) b.js("return Lab.lastDownload.text"))
                .startsWith("result.mean,")
                .hasLineCount(3);
        b.type("cell-filter", "");
        b.select("plot-y", "result.mean");
        b.select("plot-x", "config.n");
        b.click("plot-go");
        b.wait.until(d -> b.trace("plot-results", "cells") != null);
        assertThat(BrowserSession.numbers(b.trace("plot-results", "cells").get("y")))
                .containsExactly(0.5, 0.25, 0.125);
        b.screenshot("explorer-results");
    }

    /** Diagnose on files picked in the page: the API's numbers, the CLI line, a bad file named, "use in the explorer". */
    private void diagnose(BrowserSession b) throws Exception {
        b.click("tab-tools");
        Path real = Files.writeString(tmp.resolve("R.csv"), DiagnoseApiTest.gaussian(200, false, 1));
        Path syn = Files.writeString(tmp.resolve("S.csv"), DiagnoseApiTest.gaussian(400, true, 2));
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "a,b,c,e,y\n1,2,3,4,5\n1,secret,3,4,5\n");
        b.el("dg-real").sendKeys(bad.toString());
        b.el("dg-synthetic").sendKeys(syn.toString());
        b.click("dg-run");
        b.wait.until(d -> !b.el("dg-error").getText().isEmpty());
        assertThat(b.el("dg-error").getText())
                .startsWith("bad.csv: line 3, column 2: got a non-numeric cell; allowed: a finite number")
                .doesNotContain("secret");
        b.el("dg-real").clear();
        b.el("dg-real").sendKeys(real.toString());
        b.type("dg-splits", "8");
        b.click("dg-run");
        b.wait.until(d -> !d.findElements(By.id("dg-estimates")).isEmpty());
        assertThat(b.el("dg-error").getText()).isEmpty();
        TestClient.Reply api = new TestClient(b.server.port())
                .post(
                        "/api/diagnose",
                        DiagnoseApiTest.body(Files.readString(real), Files.readString(syn), "\"splits\": 8"));
        double c2 = api.json().get("estimates").get("c2").asDouble();
        assertThat(b.js("return Lab.lastDiagnosis.estimates.c2")).isEqualTo(c2);
        assertThat(b.el("dg-estimates").getText())
                .contains("c² (synthetic quality) " + b.js("return Lab.fmt(arguments[0])", c2));
        assertThat(b.el("dg-recipes").getText())
                .contains("recommended")
                .contains("real only")
                .contains("all synthetic")
                .doesNotContain("undefined")
                .doesNotContain("[object Object]");
        assertThat(b.el("dg-cli").getDomProperty("value"))
                .isEqualTo("collapselab diagnose --real R.csv --synthetic S.csv "
                        + "--label y --folds 5 --splits 8 --seed 1 --json");
        assertThat(b.trace("plot-diagnose", "predicted A = ")).isNotNull();
        assertThat(b.trace("plot-diagnose", "measured A = ")).isNotNull();
        b.screenshot("explorer-diagnose");
        b.click("dg-use");
        b.waitForRedraw();
        assertThat(b.el("tab-curves").getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(Double.parseDouble(b.el("box-c2").getDomProperty("value")))
                .isCloseTo(c2, org.assertj.core.data.Offset.offset(Math.abs(c2) * 1e-2));
        assertThat(b.el("box-d").getDomProperty("value")).isEqualTo("4");
        assertThat(b.js("return Lab.current.view.point.d")).isEqualTo(4L);
        b.open("");
    }

    /** Forecast on a pasted pilot table: the API's numbers, the law's curves, the CLI line, a bad table named. */
    private static void forecast(BrowserSession b) throws Exception {
        b.click("tab-tools");
        b.el("fc-pilots").sendKeys("n,p2,error\n10,half,0.1\n");
        b.click("fc-run");
        b.wait.until(d -> !b.el("fc-error").getText().isEmpty());
        assertThat(b.el("fc-error").getText())
                .isEqualTo("pilots.csv: line 2, column 2 (p2): got a cell that is not a "
                        + "number; allowed: a number in [0, 1]");
        b.el("fc-pilots").clear();
        b.js(
                "const t = document.getElementById('fc-pilots'); t.value = arguments[0];"
                        + "t.dispatchEvent(new Event('input'))",
                ForecastApiTest.pilots()); // a paste
        b.type("fc-at-n", "16000");
        b.type("fc-at-p2", "0.2");
        b.type("fc-bootstrap", "20");
        b.click("fc-run");
        b.wait.until(d -> !d.findElements(By.id("fc-summary")).isEmpty());
        TestClient.Reply api = new TestClient(b.server.port())
                .post(
                        "/api/forecast",
                        ForecastApiTest.body(
                                ForecastApiTest.pilots(), "\"at-n\": 16000, \"at-p2\": 0.2, \"bootstrap\": 20"));
        double shown = ((Number) b.js("return Lab.lastForecast.forecast.testError")).doubleValue();
        assertThat(shown).isEqualTo(api.json().get("forecast").get("testError").asDouble());
        assertThat(b.el("fc-summary").getText())
                .contains("error at n = 16000, p2 = 0.2 " + b.js("return Lab.fmt(arguments[0])", shown))
                .doesNotContain("undefined")
                .doesNotContain("NaN");
        assertThat(b.el("fc-cli").getDomProperty("value"))
                .isEqualTo("collapselab forecast --pilots pilots.csv --at-n 16000 "
                        + "--at-p2 0.2 --at-weight 1 --level 0.9 --bootstrap 20 --seed 1 --json");
        assertThat(b.trace("plot-forecast", "law p2 = 0.2")).isNotNull();
        assertThat(b.trace("plot-forecast", "pilots p2 = 0.2")).isNotNull();
        b.screenshot("explorer-forecast");
    }

    /** Every control has an accessible name and its parameter a tooltip. */
    private static void namesAndTooltips(BrowserSession b) {
        assertThat(((Number) b.js(
                                "return Lab.CONTROLS.filter(c => !(document.querySelector('#row-' + c.name + ' label')"
                                        + ".title || '').trim()).length"))
                        .intValue())
                .as("parameters without a tooltip")
                .isZero();
        List<String> unnamed = new ArrayList<>();
        int counted = 0;
        for (String view : new String[] {"curves", "generations", "results", "tools"}) {
            b.click("tab-" + view);
            for (WebElement e :
                    b.driver.findElements(By.cssSelector("input, select, button, textarea, [role=tab], a[href]"))) {
                if (!e.isDisplayed()) {
                    continue;
                }
                counted++;
                if (e.getAccessibleName() == null || e.getAccessibleName().isBlank()) {
                    unnamed.add(e.getTagName() + "#" + e.getDomAttribute("id"));
                }
            }
        }
        assertThat(counted).as("controls checked").isGreaterThan(60);
        assertThat(unnamed).as("controls without an accessible name").isEmpty();
        b.click("tab-curves");
    }

    private static void layoutAndTheme(BrowserSession b) throws Exception {
        for (int[] size : new int[][] {{800, 900}, {390, 844}}) {
            b.resize(size[0], size[1]);
            b.wait.until(d -> ((Number) b.js("return window.innerWidth")).intValue() <= size[0]);
            b.wait.until(
                    d -> ((Number) b.js("return document.documentElement.scrollWidth - window.innerWidth")).intValue()
                            <= 0); // no sideways scrolling (Plotly resizes the plots to their cards)
            assertThat(((Number) b.js("return document.getElementById('plot-n').clientWidth")).intValue())
                    .as("plot width at " + size[0] + " px")
                    .isGreaterThanOrEqualTo(300);
            assertThat(b.el("box-p2").isDisplayed()).isTrue();
            if (size[0] == 800) {
                b.screenshot("explorer-800px");
            }
        }
        b.resize(1400, 1000);
        b.darkMedia(true);
        b.wait.until(d -> dark(b, "getComputedStyle(document.body).backgroundColor"));
        b.el("ctl-p2").sendKeys(Keys.ARROW_RIGHT);
        b.waitForRedraw();
        b.wait.until(d -> dark(b, "document.getElementById('plot-n')._fullLayout.paper_bgcolor"));
        b.screenshot("explorer-dark");
        b.click("theme"); // auto -> light, whatever the system says
        b.wait.until(d -> !dark(b, "getComputedStyle(document.body).backgroundColor"));
        b.wait.until(d -> !dark(b, "document.getElementById('plot-n')._fullLayout.paper_bgcolor"));
        b.click("theme"); // light -> dark
        b.darkMedia(false);
        b.wait.until(d -> dark(b, "getComputedStyle(document.body).backgroundColor"));
        assertThat(b.el("theme").getAccessibleName()).isEqualTo("Colour theme: dark");
        b.click("theme"); // back to following the system
    }

    /** Whether a CSS colour expression is dark (luminance below one half). */
    private static boolean dark(BrowserSession b, String colour) {
        Object v = b.js("const c = " + colour + "; const x = document.createElement('div'); x.style.color = c;"
                + "document.body.append(x); const m = getComputedStyle(x).color.match(/\\d+/g).map(Number); x.remove();"
                + "return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255");
        return ((Number) v).doubleValue() < 0.5;
    }

    /** A study with three cells whose results hold a nested object and a list. */
    private Path resultsFolder() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path study = Files.createDirectories(out.resolve("fig2"));
        try (ResultStore store = ResultStore.open(study.resolve("results.db"))) {
            int i = 0;
            for (int n : new int[] {20, 40, 80}) {
                double mean = 10.0 / n;
                store.put(StoredCell.now(
                        "k" + i++,
                        "fig2-width",
                        "{\"d\":10,\"n\":" + n + ",\"p2\":0.2}",
                        "{\"mean\":" + mean + ",\"std\":0.01,\"detail\":{\"bias\":" + mean / 2 + ",\"runs\":[1,2]}}",
                        0.1));
            }
        }
        Files.writeString(study.resolve("report.html"), "<html><body>report</body></html>");
        return out;
    }
}
