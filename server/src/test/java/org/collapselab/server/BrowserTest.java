package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The explorer in headless Chromium, as a researcher uses it: cached, compressed assets; the plotted curve is the
 * theory's and follows the slider (times are measured by {@code scripts/bench-explorer.sh}, not here); the setting in
 * the address and "copy as CLI / curl / Python"; an emptied or refused box is an error at the box and the plots are
 * marked stale, never computed with a value the user did not see; pinned curves; simulation overlays that keep
 * their own setting; export of each plot as PNG, SVG, CSV and JSON; the OpenAPI description linked from the page.
 */
@Tag("browser")
class BrowserTest {
    @TempDir
    Path tmp;

    @Test
    void researcherSession() throws Exception {
        try (BrowserSession b = new BrowserSession(tmp.resolve("profile"), null, 1400, 1000)) {
            cachedAndCompressed(b);
            b.open("");
            assertCurveIsTheory(b, 0.2);
            sliderRedraws(b);
            addressAndCopy(b);
            neverComputesWithAnUnseenValue(b);
            pinsAndSimulations(b);
            exports(b);
            openApi(b);
        }
    }

    /**
     * The scripts and plotly.js are content-hashed, immutable and gzip-compressed: a reload takes them from the cache
     * without asking the server (the page itself is revalidated).
     */
    private static void cachedAndCompressed(BrowserSession b) {
        b.open("");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) b.js("const e = performance.getEntriesByType('resource')"
                + ".find(r => r.name.includes('plotly-basic')); return {url: e.name, encoded: e.encodedBodySize, "
                + "decoded: e.decodedBodySize}");
        assertThat(((Number) first.get("encoded")).doubleValue())
                .as("plotly.js compressed on the wire")
                .isLessThan(0.5 * ((Number) first.get("decoded")).doubleValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) b.jsAsync(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done({cache: r.headers.get('cache-control'), "
                        + "encoding: r.headers.get('content-encoding')}))",
                first.get("url"));
        assertThat(String.valueOf(headers.get("cache")).replace(" ", ""))
                .contains("immutable")
                .contains("max-age=");
        assertThat(headers.get("encoding")).isEqualTo("gzip");
        b.driver.navigate().refresh();
        b.waitForRedraw();
        Object plotlyTransfer = b.js("const e = performance.getEntriesByType('resource').find(r => r.name.includes"
                + "('plotly-basic')); return e ? e.transferSize : -1");
        assertThat(((Number) plotlyTransfer).longValue())
                .as("plotly.js served from the cache, not revalidated")
                .isZero();
    }

    /** The page links the OpenAPI description of the JSON API, which names the endpoints the page uses. */
    private static void openApi(BrowserSession b) {
        String href =
                b.driver.findElement(org.openqa.selenium.By.linkText("API")).getDomAttribute("href");
        assertThat(href).isEqualTo("/api/openapi.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) b.jsAsync(
                "const done = arguments[arguments.length - 1];" + "fetch(arguments[0]).then(r => r.json()).then(done)",
                href);
        assertThat(String.valueOf(doc.get("openapi"))).startsWith("3.");
        assertThat(((Map<?, ?>) doc.get("paths")).keySet())
                .map(String::valueOf)
                .contains("/api/view", "/api/theory", "/api/simulate");
    }

    /** One slider step (arrow key) is one request and one redraw; the plotted curve follows the slider. */
    private static void sliderRedraws(BrowserSession b) {
        WebElement p2 = b.el("ctl-p2");
        List<Double> before = BrowserSession.numbers(b.traces("plot-n").get(0).get("y"));
        long seq = ((Number) b.js("return Lab.seq")).longValue();
        for (int i = 0; i < 5; i++) {
            p2.sendKeys(Keys.ARROW_RIGHT); // 0.20 -> 0.25, as a user would
            b.waitForRedraw();
        }
        assertThat(((Number) b.js("return Lab.seq")).longValue() - seq)
                .as("one GET /api/view per step")
                .isEqualTo(5);
        assertThat(b.el("box-p2").getDomProperty("value")).isEqualTo("0.25");
        assertThat(BrowserSession.numbers(b.traces("plot-n").get(0).get("y"))).isNotEqualTo(before);
        assertCurveIsTheory(b, 0.25);
        assertThat(BrowserSession.numbers(b.trace("plot-n", "now").get("x")))
                .as("the current-value line")
                .containsOnly(1000.0);
    }

    /** The setting is in the address; a copied link, CLI command and curl request reproduce the shown number. */
    private static void addressAndCopy(BrowserSession b) throws Exception {
        b.wait.until(d -> String.valueOf(b.js("return location.hash")).contains("p2=0.25"));
        b.select("copy-as", "cli");
        String cli = b.el("copy-text").getDomProperty("value");
        assertThat(cli)
                .startsWith("collapselab theory ")
                .endsWith(" --json")
                .contains("--p2 0.25")
                .contains("--sigma 0.5");
        Map<String, String> flags = new LinkedHashMap<>();
        String[] words = cli.substring("collapselab theory ".length(), cli.length() - " --json".length())
                .split(" ");
        for (int i = 0; i < words.length; i += 2) {
            flags.put(words[i].substring(2), words[i + 1]);
        }
        Problem fromCli = ProblemFlags.parse(flags).toProblem();
        double shown = Double.parseDouble(String.valueOf(b.js("return String(Lab.current.view.point.testError)")));
        assertThat(Theory.predict(fromCli).testError()).isEqualTo(shown);
        b.select("copy-as", "curl");
        String curl = b.el("copy-text").getDomProperty("value");
        String url = curl.replaceFirst("^curl -s '", "").replaceFirst("'$", "");
        assertThat(url).startsWith(b.base + "/api/theory?");
        TestClient c = new TestClient(b.server.port());
        assertThat(c.get(url.substring(b.base.length())).json().get("testError").asDouble())
                .isEqualTo(shown);
        b.select("copy-as", "python");
        assertThat(b.el("copy-text").getDomProperty("value"))
                .contains("urllib.request")
                .contains("\"p2\": \"0.25\"")
                .contains(b.base + "/api/theory?");
        b.click("copy-close");
        // The address alone restores the setting (and the view).
        b.open("#p2=0.3&c2=2&sigma=0.25&view=generations");
        assertThat(b.el("box-p2").getDomProperty("value")).isEqualTo("0.3");
        assertThat(b.el("box-c2").getDomProperty("value")).isEqualTo("2");
        assertThat(b.el("tab-generations").getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(b.js("return Lab.current.view.point.p2")).isEqualTo(0.3);
        b.open("#p2=0.25");
    }

    /** An emptied box is an error at that box; nothing is computed and the plots say they are stale. */
    private static void neverComputesWithAnUnseenValue(BrowserSession b) {
        long seq = ((Number) b.js("return Lab.seq")).longValue();
        b.type("box-sigma", "");
        assertThat(b.el("box-sigma").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.el("err-sigma").getText()).isEqualTo("σ is empty: enter a number");
        assertThat(((Number) b.js("return Lab.seq")).longValue())
                .as("no request with an empty σ")
                .isEqualTo(seq);
        assertThat(b.el("card-n").getDomAttribute("class")).contains("stale");
        assertThat(b.el("note-n").getText()).startsWith("Stale: σ is empty");
        assertThat(b.el("point-error").getText()).contains("σ is empty");
        b.type("box-sigma", "abc");
        assertThat(b.el("err-sigma").getText()).contains("must be a number");
        b.type("box-sigma", "0.5");
        assertThat(b.el("box-sigma").getDomAttribute("aria-invalid")).isEqualTo("false");
        assertThat(b.el("card-n").getDomAttribute("class")).doesNotContain("stale");
        // A value the server refuses: its message at the box, the plots stale.
        b.type("box-p2", "1.5");
        assertThat(b.el("err-p2").getText()).isEqualTo("p2 must be in [0, 1], got 1.5");
        assertThat(b.el("card-n").getDomAttribute("class")).contains("stale");
        b.type("box-p2", "0.25");
        assertThat(b.el("err-p2").getText()).isEmpty();
        assertThat(b.el("card-n").getDomAttribute("class")).doesNotContain("stale");
    }

    /** A pinned curve stays while the controls move; a simulation keeps its setting and its label says which. */
    private static void pinsAndSimulations(BrowserSession b) {
        List<Double> pinned = BrowserSession.numbers(b.traces("plot-n").get(0).get("y"));
        b.click("pin");
        b.type("box-c2", "2");
        Map<String, Object> pin = b.trace("plot-n", "pin: c² = 1");
        assertThat(pin).as("pinned curve on error vs n: " + b.traces("plot-n")).isNotNull();
        assertThat(BrowserSession.numbers(pin.get("y"))).isEqualTo(pinned);
        assertThat(b.trace("plot-p2", "pin: c² = 1")).isNotNull();
        assertThat(b.el("pins").getText()).contains("c² = 1");
        b.type("sim-points", "4");
        b.type("sim-runs", "4");
        b.click("sim-start");
        b.wait.until(d -> b.js("return Lab.lastJob && Lab.lastJob.state !== 'running'"));
        assertThat(b.js("return Lab.lastJob.state")).isEqualTo("done");
        Map<String, Object> sim = b.trace("plot-n", "simulation ± std: this setting (4 runs)");
        assertThat(sim).as(String.valueOf(b.traces("plot-n"))).isNotNull();
        assertThat(BrowserSession.numbers(sim.get("y"))).hasSize(4).allSatisfy(y -> assertThat(y)
                .isPositive());
        b.type("box-p2", "0.4");
        Map<String, Object> kept = b.trace("plot-n", "simulation ± std: p2 = 0.25 (4 runs)");
        assertThat(kept)
                .as("the overlay survives the change, labelled: " + b.traces("plot-n"))
                .isNotNull();
        assertThat(kept.get("y")).isEqualTo(sim.get("y"));
        b.type("box-p2", "0.25");
    }

    /** Every plot exports its picture (PNG, SVG) and its data (CSV, JSON). */
    private static void exports(BrowserSession b) throws Exception {
        for (String fmt : new String[] {"PNG", "SVG", "CSV", "JSON"}) {
            b.js("Lab.lastDownload = null");
            b.driver
                    .findElement(org.openqa.selenium.By.cssSelector("#card-n [aria-label$='as " + fmt + "']"))
                    .click();
            b.wait.until(d -> b.js("return Lab.lastDownload"));
            @SuppressWarnings("unchecked")
            Map<String, Object> dl = (Map<String, Object>) b.js("return Lab.lastDownload");
            assertThat(dl.get("name")).isEqualTo("collapselab-error-vs-n." + fmt.toLowerCase(Locale.ROOT));
            assertThat(((Number) dl.get("size")).longValue()).isGreaterThan(500);
            if (fmt.equals("CSV")) {
                String text = (String) dl.get("text");
                assertThat(text).startsWith("trace,x,y,error\ntheory,");
            }
            if (fmt.equals("JSON")) {
                Map<?, ?> json = TestClient.JSON.readValue((String) b.js("return Lab.lastDownload.text"), Map.class);
                assertThat(json.get("plot")).isEqualTo("error vs n");
                assertThat((List<?>) json.get("traces")).isNotEmpty();
            }
        }
    }

    /** The plotted error-vs-n curve equals the theory at every plotted n. */
    static void assertCurveIsTheory(BrowserSession b, double p2) {
        Map<String, Object> t = b.traces("plot-n").get(0);
        List<Double> xs = BrowserSession.numbers(t.get("x"));
        List<Double> ys = BrowserSession.numbers(t.get("y"));
        assertThat(xs).hasSize(ExplorerView.N_POINTS);
        for (int i = 0; i < xs.size(); i += 7) {
            Problem p = Problem.ridge(Spectrum.isotropic(200), Math.round(xs.get(i)), p2, 1, 0.5, 1e-3);
            assertThat(ys.get(i))
                    .as("n = " + xs.get(i))
                    .isEqualTo(Theory.predict(p).testError());
        }
    }
}
