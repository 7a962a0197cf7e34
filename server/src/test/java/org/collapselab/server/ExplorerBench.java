package org.collapselab.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Benchmark of the explorer in headless Chromium (run by {@code scripts/bench-explorer.sh}, not a test): first load
 * on loopback with an empty cache and with the browser's cache, and slider → redraw (one arrow-key step on the p2
 * slider until the plots on screen are redrawn), with the load average. Prints the figures; asserts nothing.
 *
 * <p>Arguments: {@code [loads] [steps]} (default 7 loads, 40 slider steps).
 */
public final class ExplorerBench {
    private ExplorerBench() {}

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path profile = Files.createTempDirectory("collapselab-bench");
        try (BrowserSession b = new BrowserSession(profile, null, 1400, 1000)) {
            b.open(""); // warms the server's JIT and the browser process
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> answer0 = new ArrayList<>();
            List<Double> plotly0 = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                b.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                cold.add(load(b));
                warm.add(load(b));
                answer0.add(((Number) b.js("return Lab.firstAnswerAt")).doubleValue());
                plotly0.add(((Number) b.js("return Lab.plotlyAt")).doubleValue());
            }
            WebElement p2 = b.el("ctl-p2");
            List<Double> total = new ArrayList<>();
            List<Double> answer = new ArrayList<>();
            List<Double> draw = new ArrayList<>();
            for (int i = 0; i < steps + 5; i++) {
                p2.sendKeys(i % 2 == 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
                b.waitForRedraw();
                if (i < 5) {
                    continue; // warm-up steps
                }
                @SuppressWarnings("unchecked")
                List<Number> t = (List<Number>) b.js("return [Lab.lastRedrawMs, Lab.lastFetchMs, Lab.lastDrawMs]");
                total.add(t.get(0).doubleValue());
                answer.add(t.get(1).doubleValue());
                draw.add(t.get(2).doubleValue());
            }
            System.out.printf(
                    Locale.ROOT,
                    "explorer first load (navigation start to the plots drawn, loopback), %d loads:"
                            + " empty cache median %.0f ms (min %.0f, max %.0f); browser cache median %.0f ms (min %.0f, max %.0f)%n",
                    loads,
                    median(cold),
                    min(cold),
                    max(cold),
                    median(warm),
                    min(warm),
                    max(warm));
            System.out.printf(
                    Locale.ROOT,
                    "  of which (browser cache, medians): first /api/view answered at %.0f ms, "
                            + "plotly.js ready at %.0f ms%n",
                    median(answer0),
                    median(plotly0));
            System.out.printf(
                    Locale.ROOT,
                    "explorer slider -> redraw (one GET /api/view, the 5 plots of the curves view "
                            + "redrawn), %d steps: median %.1f ms (min %.1f, max %.1f); answer median %.1f ms, drawing median %.1f ms%n",
                    total.size(),
                    median(total),
                    min(total),
                    max(total),
                    median(answer),
                    median(draw));
            System.out.println("load average (1, 5, 15 min): "
                    + Files.readString(Path.of("/proc/loadavg")).trim().replaceFirst("^(\\S+ \\S+ \\S+).*", "$1")
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        }
    }

    /** One navigation to the page; milliseconds from navigation start until the first drawing. */
    private static double load(BrowserSession b) {
        b.open("");
        return ((Number) b.js("return Lab.firstDrawAt")).doubleValue();
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        int k = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(k) : (s.get(k - 1) + s.get(k)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(x -> x).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(x -> x).max().orElse(Double.NaN);
    }
}
