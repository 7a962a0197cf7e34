package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium (nothing downloaded) against a test server, with the page helpers the
 * browser tests share. A missing browser fails the test (CI installs chromium and chromium-driver).
 */
final class BrowserSession implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final CollapseLabServer server;
    final ChromeDriver driver;
    final JavascriptExecutor js;
    final WebDriverWait wait;
    final String base;

    BrowserSession(Path profile, Path out, int width, int height) throws Exception {
        assertThat(CHROMIUM)
                .as("headless Chromium (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(DRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        assertThat(CollapseLabServer.class.getResource(CollapseLabServer.WEB + "/" + WebAssets.PLOTLY))
                .as("plotly.js bundled (scripts/fetch-data.sh, then rebuild)")
                .isNotNull();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, out, 2));
        base = "http://127.0.0.1:" + server.port();
        driver = new ChromeDriver(service, options);
        js = driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    /** Opens the page (with an address fragment) and waits for its first drawing. */
    void open(String fragment) {
        driver.get("about:blank");
        driver.get(base + "/" + fragment);
        waitForRedraw();
    }

    /** Waits until every change made so far is drawn. */
    void waitForRedraw() {
        wait.until(
                d -> js.executeScript("return !!(window.Lab && Lab.redraws >= 1 && Lab.drawnChange === Lab.changes)"));
    }

    Object js(String script, Object... args) {
        return js.executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument (e.g. after a fetch) and returns what it passed. */
    Object jsAsync(String script, Object... args) {
        return js.executeAsyncScript(script, args);
    }

    WebElement el(String id) {
        return driver.findElement(By.id(id));
    }

    /** Replaces the text of an input as a user would (select all, type) and waits for the page. */
    void type(String id, String text) {
        WebElement e = el(id);
        e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        e.sendKeys(text.isEmpty() ? org.openqa.selenium.Keys.BACK_SPACE.toString() : text);
        waitForRedraw();
    }

    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(el(id)).selectByValue(value);
        waitForRedraw();
    }

    void click(String id) {
        el(id).click();
    }

    /** The traces of a plot: name, x, y. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> traces(String plot) {
        return (List<Map<String, Object>>) js(
                "return (document.getElementById(arguments[0]).data || [])"
                        + ".map(t => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || [])}))",
                plot);
    }

    Map<String, Object> trace(String plot, String namePrefix) {
        return traces(plot).stream()
                .filter(t -> String.valueOf(t.get("name")).startsWith(namePrefix))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<Double> numbers(Object list) {
        return ((List<Object>) list)
                .stream()
                        .map(v -> v == null ? Double.NaN : ((Number) v).doubleValue())
                        .toList();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void darkMedia(boolean dark) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves a screenshot as target/NAME.png (copied into docs/ by hand when the page changes). */
    void screenshot(String name) throws Exception {
        js("window.scrollTo(0, 0)");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.close();
        }
    }
}
