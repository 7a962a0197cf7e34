package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium (Selenium, nothing downloaded): move a control and check the plotted curve
 * is the theory's, start a simulation and see its points appear. Saves {@code target/serve-screenshot.png} and
 * prints the page's redraw times ({@code performance.now()} from the input event to the last plot drawn).
 */
@Tag("browser")
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  Path profile;

  @Test
  void moveAControlThenSimulate() throws Exception {
    // missing tools fail loudly (bin/test --fast leaves this browser test out)
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
        .as("/usr/bin/chromium or /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver)").isTrue();
    assertThat(CollapseLabServer.class.getResource(CollapseLabServer.WEB + "/vendor/plotly.min.js"))
        .as("plotly.js not bundled (run scripts/fetch-data.sh and rebuild)").isNotNull();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, resultsFolder(), 2))) {
      ChromeDriver driver = new ChromeDriver(service, options);
      try {
        run(driver, "http://127.0.0.1:" + server.port() + "/");
      } finally {
        driver.quit();
      }
    }
  }

  private void run(ChromeDriver driver, String url) throws Exception {
    JavascriptExecutor js = driver;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.get(url);
    wait.until(d -> js.executeScript("return window.Lab && Lab.drawnSeq === Lab.seq && Lab.redraws >= 1"));
    List<Double> before = curve(js, "plot-n", "y");
    assertCurveIsTheory(js, 0.2);

    // Move the p2 slider by five steps with the keyboard (as a user would): 0.20 -> 0.25.
    WebElement p2 = driver.findElement(By.id("ctl-p2"));
    for (int i = 0; i < 5; i++) {
      p2.sendKeys(Keys.ARROW_RIGHT);
    }
    waitForRedraw(js, wait);
    assertThat(driver.findElement(By.id("box-p2")).getDomProperty("value")).isEqualTo("0.25");
    assertThat(curve(js, "plot-n", "y")).isNotEqualTo(before);
    assertCurveIsTheory(js, 0.25);

    // Redraw time of single control changes, measured in the page.
    List<Double> total = new ArrayList<>();
    List<Double> fetch = new ArrayList<>();
    List<Double> draw = new ArrayList<>();
    double browserCpu0 = browserCpuMs();
    double jvmCpu0 = jvmCpuMs();
    for (int i = 0; i < 20; i++) {
      p2.sendKeys(i % 2 == 0 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
      waitForRedraw(js, wait);
      @SuppressWarnings("unchecked")
      List<Number> t = (List<Number>) js.executeScript("return [Lab.lastRedrawMs, Lab.lastFetchMs, Lab.lastDrawMs]");
      total.add(t.get(0).doubleValue());
      fetch.add(t.get(1).doubleValue());
      draw.add(t.get(2).doubleValue());
    }
    double browserCpu = (browserCpuMs() - browserCpu0) / total.size();
    double jvmCpu = (jvmCpuMs() - jvmCpu0) / total.size();
    String timing = String.format(java.util.Locale.ROOT, "page redraw after one control change (5 plots from 4 sweeps "
        + "of 101-200 points + 1 point, d=200), %d changes: total median %.1f ms (min %.1f, max %.1f); "
        + "of which API answers median %.1f ms, Plotly drawing median %.1f ms; CPU per change: Chromium "
        + "(all processes) %.1f ms, test JVM (server + Selenium client) %.1f ms; load average %s%n", total.size(),
        median(total), min(total), max(total), median(fetch), median(draw), browserCpu, jvmCpu, loadAverage());
    System.out.print(timing);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/browser-redraw.txt"), timing + "total: " + total + "\n");

    // Simulate the error-vs-n curve: the points appear with error bars.
    setValue(driver, "sim-points", "5");
    setValue(driver, "sim-runs", "6");
    driver.findElement(By.id("sim-start")).click();
    wait.until(d -> js.executeScript("return Lab.lastJob && Lab.lastJob.state !== 'running'"));
    @SuppressWarnings("unchecked")
    Map<String, Object> job = (Map<String, Object>) js.executeScript("return Lab.lastJob");
    assertThat(job.get("state")).isEqualTo("done");
    @SuppressWarnings("unchecked")
    List<Object> sim = (List<Object>) js.executeScript(
        "const t = document.getElementById('plot-n').data.find(t => t.name === 'simulation ± std');"
            + "return t ? [t.x, t.y, t.error_y.array] : null;");
    assertThat(sim).as("simulation trace on the error-vs-n plot").isNotNull();
    assertThat((List<?>) sim.get(1)).hasSize(5).allSatisfy(y -> assertThat(((Number) y).doubleValue()).isPositive());
    assertThat((List<?>) sim.get(2)).hasSize(5);
    String progress = driver.findElement(By.id("sim-status")).getText();
    assertThat(progress).startsWith("done: 30/30 runs, 5 points");

    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("target/serve-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

    // The results folder: the study is listed, its figure shown, and a click on the experiment lists its cells.
    WebElement exp = wait.until(d -> d.findElements(By.cssSelector("#studies a[data-exp]")).stream().findFirst()
        .orElse(null));
    assertThat(driver.findElement(By.id("studies")).getText()).contains("fig2-width (2 cells)");
    assertThat(driver.findElements(By.cssSelector("#studies img"))).hasSize(1);
    js.executeScript("arguments[0].scrollIntoView()", exp);
    exp.click();
    wait.until(d -> !d.findElements(By.cssSelector("#cells table tr")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#cells table tr"))).hasSize(3); // header + 2 cells
    assertThat(driver.findElement(By.id("cells")).getText()).contains("config.n").contains("0.25");
    File browse = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(browse.toPath(), Path.of("target/serve-browse.png"), StandardCopyOption.REPLACE_EXISTING);

    // A setting the theory may not cover: the page shows the theory's own message (or the numbers once it does).
    WebElement weight = driver.findElement(By.id("box-synthetic-weight"));
    weight.clear();
    weight.sendKeys("2", Keys.TAB);
    waitForRedraw(js, wait);
    String shown = driver.findElement(By.id("point-error")).getText();
    Problem p = Problem.ridge(Spectrum.isotropic(200), 1000, 0.25, 1, 0.5, 1e-3).withSources(null, 0.5, 2.0,
        org.collapselab.problem.Estimator.MIX);
    try {
      Theory.predict(p);
      assertThat(shown).isEmpty();
    } catch (org.collapselab.theory.TheoryException e) {
      assertThat(shown).isEqualTo(e.getMessage());
    }
  }

  /** A results folder with one study: two cells, a figure and a report. */
  private Path resultsFolder() throws Exception {
    Path out = Files.createDirectories(profile.resolve("out"));
    Path study = Files.createDirectories(out.resolve("fig2"));
    try (org.collapselab.experiments.store.ResultStore store =
             org.collapselab.experiments.store.ResultStore.open(study.resolve("results.db"))) {
      store.put(org.collapselab.experiments.store.StoredCell.now("k1", "fig2-width", "{\"d\":10,\"n\":20}",
          "{\"mean\":0.5}", 0.1));
      store.put(org.collapselab.experiments.store.StoredCell.now("k2", "fig2-width", "{\"d\":10,\"n\":40}",
          "{\"mean\":0.25}", 0.1));
    }
    Files.writeString(study.resolve("report.html"), "<html><body>report</body></html>");
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.setColor(java.awt.Color.BLUE);
    g.drawLine(0, 70, 120, 10);
    g.dispose();
    javax.imageio.ImageIO.write(img, "png", study.resolve("width.png").toFile());
    return out;
  }

  /** The plotted error-vs-n curve equals the theory at every plotted n for the page's default setting. */
  private static void assertCurveIsTheory(JavascriptExecutor js, double p2) {
    List<Double> xs = curve(js, "plot-n", "x");
    List<Double> ys = curve(js, "plot-n", "y");
    assertThat(xs).hasSize(200);
    for (int i = 0; i < xs.size(); i += 7) {
      Problem p = Problem.ridge(Spectrum.isotropic(200), Math.round(xs.get(i)), p2, 1, 0.5, 1e-3);
      assertThat(ys.get(i)).as("n = " + xs.get(i)).isEqualTo(Theory.predict(p).testError());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Double> curve(JavascriptExecutor js, String plot, String axis) {
    List<Object> raw = (List<Object>) js.executeScript(
        "return Array.from(document.getElementById(arguments[0]).data[0][arguments[1]]);", plot, axis);
    return raw.stream().map(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toList();
  }

  private static double median(List<Double> v) {
    return v.stream().sorted().toList().get(v.size() / 2);
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** CPU time of every process this JVM started (chromedriver, Chromium and its children). */
  private static double browserCpuMs() {
    return ProcessHandle.current().descendants()
        .mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0)).sum();
  }

  private static double jvmCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " on "
          + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void waitForRedraw(JavascriptExecutor js, WebDriverWait wait) {
    wait.until(d -> js.executeScript("return Lab.drawnSeq === Lab.seq"));
  }

  private static void setValue(ChromeDriver driver, String id, String value) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

}
