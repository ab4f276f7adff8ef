package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.ApiClient;
import org.onestop.testing.Browser;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real browser, signed in as the bootstrap manager, with an axe-core scan of every
 * page. The sign-in form is the access module's form login (POST /sign-in, username, password, _csrf).
 */
@OneStopTest
@TestPropertySource(properties = "onestop.demo.enabled=true")
class ConsoleBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    WebDriver driver;

    @BeforeEach
    void browser() {
        driver = browser.driver();
    }

    @Test
    void a_manager_signs_in_and_browses_the_network() {
        signIn();
        assertThat(driver.getCurrentUrl()).endsWith("/console");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("Organisations"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");
        assertThat(driver.findElements(By.cssSelector("tbody tr"))).hasSize(7);
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("Business Registry"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Business Registry");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Public agency", "Active", "Web inbox");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("registry-registration"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("3 days", "€18.00", "Companies Act, section 12", "5 out of 5");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("start-a-business"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Start a business");
        WebElement graph = driver.findElement(By.cssSelector("svg.onestop-graph[role=img]"));
        assertThat(graph.isDisplayed()).isTrue();
        assertThat(graph.getRect().getWidth()).isGreaterThan(300);
        assertThat(graph.findElements(By.cssSelector("rect"))).hasSize(4);
        assertThat(graph.findElements(By.cssSelector("path.onestop-graph__edge"))).hasSize(2);
        assertThat(graph.getText()).contains("Register the company", "Issue a tax number");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Routed by", "Northfield Municipality");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("Services"));
        assertThat(driver.findElement(By.linkText("Start a business")).isDisplayed()).isTrue();
        assertNoSeriousViolations(driver);

        driver.get(url("/console/organisations/nobody"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertNoSeriousViolations(driver);
        driver.get(url("/console/no-such-page"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel");
        // the sign-in page with its error summary
        driver.get(url("/sign-in?error"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("There is a problem");
        assertNoSeriousViolations(driver);
    }

    @Test
    void pages_use_govuk_frontend_styles_and_scripts_and_sign_out_ends_the_session() {
        signIn();
        assertThat(driver.findElement(By.tagName("h1")).getCssValue("font-family")).contains("GDS Transport");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
                .contains("js-enabled", "govuk-frontend-supported");

        Browser.clickThrough(driver, By.cssSelector("header button.onestop-sign-out"));
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in?signed-out");
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("You have been signed out");
        assertNoSeriousViolations(driver);
        driver.get(url("/console/organisations"));
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void a_wrong_password_shows_the_govuk_error_summary() {
        driver.get(url("/sign-in"));
        assertNoSeriousViolations(driver);
        driver.findElement(By.id("username")).sendKeys(ApiClient.MANAGER);
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        Browser.clickThrough(driver, By.cssSelector("#sign-in button[type=submit]"));

        assertThat(driver.getCurrentUrl()).endsWith("/sign-in?error");
        assertThat(driver.getTitle()).startsWith("Error:");
        var summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter a correct username and password");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#username");
        assertNoSeriousViolations(driver);
    }

    private void signIn() {
        driver.get(url("/sign-in"));
        driver.findElement(By.id("username")).sendKeys(ApiClient.MANAGER);
        driver.findElement(By.id("password")).sendKeys(ApiClient.MANAGER_PASSWORD);
        Browser.clickThrough(driver, By.cssSelector("#sign-in button[type=submit]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
