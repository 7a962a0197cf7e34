package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Files someone planted in the results folder never run in the server's origin: an SVG and an HTML report whose
 * scripts would start a simulation job. Checked on the headers (a sandboxing Content-Security-Policy, nosniff) and
 * in headless Chromium, opening the files directly and through the explorer page: no job is ever started.
 */
@Tag("browser")
class PlantedFilesTest {
    /** A script that starts a job through the API, as a planted file would if it ran in the server's origin. */
    static final String ATTACK = "fetch('/api/simulate',{method:'POST',headers:{'Content-Type':'application/json'},"
            + "body:JSON.stringify({params:{d:8,n:16,p2:0.1,sigma:0.5,lambda:0.1},runs:2})});";

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
            + "<rect width=\"40\" height=\"20\" fill=\"blue\"/><script>" + ATTACK + "</script></svg>";
    static final String HTML =
            "<html><body><p>report</p><img id=\"fig\" src=\"fig.png\"><script>" + ATTACK + "</script></body></html>";

    @TempDir
    Path tmp;

    private Path plantedFolder() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path study = Files.createDirectories(out.resolve("study"));
        try (ResultStore store = ResultStore.open(study.resolve("results.db"))) {
            store.put(StoredCell.now("k", "exp", "{\"d\":10}", "{\"mean\":0.5}", 0.1));
        }
        Files.writeString(study.resolve("evil.svg"), SVG);
        Files.writeString(study.resolve("evil.html"), HTML);
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", study.resolve("fig.png").toFile());
        return out;
    }

    @Test
    void filesFromTheResultsFolderAreSandboxedAndNotSniffed() throws Exception {
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, plantedFolder(), 1))) {
            TestClient c = new TestClient(server.port());
            for (String f : new String[] {"/files/study/evil.svg", "/files/study/evil.html", "/files/study/fig.png"}) {
                TestClient.Reply r = c.get(f);
                assertThat(r.status()).as(f).isEqualTo(200);
                String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp)
                        .as(f)
                        .contains("sandbox")
                        .contains("default-src 'none'")
                        .doesNotContain("script-src")
                        .doesNotContain("allow-scripts");
                assertThat(r.headers().firstValue("X-Content-Type-Options"))
                        .as(f)
                        .contains("nosniff");
            }
        }
    }

    @Test
    void inChromiumAPlantedScriptNeverStartsAJob() throws Exception {
        assertThat(BrowserSession.CHROMIUM)
                .as("headless Chromium (apt-get install chromium chromium-driver)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserSession.CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserSession.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, plantedFolder(), 1))) {
            String base = "http://127.0.0.1:" + server.port();
            TestClient c = new TestClient(server.port());
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                driver.get(base + "/files/study/evil.svg");
                driver.get(base + "/files/study/evil.html");
                // The report's own figure still shows under the policy.
                Object width =
                        driver.executeScript("const i = document.getElementById('fig'); return i && i.naturalWidth;");
                assertThat(((Number) width).intValue()).isEqualTo(4);
                driver.get(base + "/");
                new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(d ->
                                driver.executeScript("return document.querySelectorAll('#studies img').length >= 1"));
                Thread.sleep(1000); // a fetch started by a script would have reached the server by now
                assertThat(c.get("/api/jobs").body())
                        .as("jobs started by planted files")
                        .doesNotContain("\"id\"");
                // The explorer shows SVG figures too, as images (an <img> never runs a script).
                assertThat(driver.executeScript("return [...document.querySelectorAll('#studies img')].map(i => i.src)"
                                + ".filter(s => s.endsWith('.svg')).length"))
                        .isEqualTo(1L);
            } finally {
                driver.quit();
            }
        }
    }
}
