package org.onestop.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for browser tests, one per test class, with a fresh profile and
 * cookies cleared before each test. Use as {@code @RegisterExtension static final Browser browser = new Browser();}.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final String CHROMIUM = System.getProperty("onestop.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("onestop.test.chromedriver", "/usr/bin/chromedriver");

    private WebDriver driver;
    private Path profile;

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser starts before the test class runs; register it as a static field");
        }
        return driver;
    }

    /**
     * Clicks something that submits a form or follows a link, and waits (up to 15 seconds) until the
     * browser has replaced the page: a click may return before Chromium has loaded the POST's answer
     * or followed its redirect, and the next lookup would then find the old page.
     */
    public static void clickThrough(WebDriver driver, By target) {
        clickThrough(driver, driver.findElement(target));
    }

    /** Clicks an element that leads to another page, and waits until the browser has left this one. */
    public static void clickThrough(WebDriver driver, WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("onestop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver().manage().deleteAllCookies();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
