package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.network.GovernanceMode;
import org.onestop.network.Money;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.Browser;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real browser, signed in as the bootstrap manager, with an axe-core scan of every
 * page. The sign-in form is the access module's form login (POST /sign-in, username, password, _csrf).
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.admin.user=" + ConsoleBrowserTests.MANAGER,
        "onestop.admin.password=" + ConsoleBrowserTests.PASSWORD,
        // only used while the access module still has the skeleton's HTTP Basic chain
        "spring.security.user.name=" + ConsoleBrowserTests.MANAGER,
        "spring.security.user.password=" + ConsoleBrowserTests.PASSWORD, "spring.security.user.roles=MANAGER"})
class ConsoleBrowserTests {

    static final String MANAGER = "manager";
    static final String PASSWORD = "correct-horse-battery-staple";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    Agreements agreements;

    WebDriver driver;

    @BeforeEach
    void network() {
        driver = browser.driver();
        organisations.save(new Organisation("registry", "Business registry", OrganisationKind.PUBLIC_AGENCY,
                OrganisationStatus.ACTIVE, ReceivingMode.PUSH, URI.create("https://registry.example/work"),
                "{\"keys\":[{\"kid\":\"registry-2026\",\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\"}]}"));
        organisations.save(new Organisation("bank", "Bank", OrganisationKind.PRIVATE_PARTNER,
                OrganisationStatus.SUSPENDED, ReceivingMode.INBOX, null, null));
        agreements.save(new Agreement("registry-start", "registry", "start-business", List.of("register"),
                GovernanceMode.IN_HOUSE, Duration.ofDays(5), new Money(new BigDecimal("12.50"), "EUR"),
                List.of("company.name"), "Companies Act, section 4", LocalDate.of(2026, 1, 1), null,
                new ActivityProfile(4, 2, 5)));
    }

    @Test
    void a_manager_signs_in_and_browses_the_network() {
        signIn();
        assertThat(driver.getCurrentUrl()).endsWith("/console");
        assertNoSeriousViolations(driver);

        driver.findElement(By.linkText("Organisations")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");
        assertThat(driver.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertNoSeriousViolations(driver);

        driver.findElement(By.linkText("Business registry")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Business registry");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("registry-2026", "Active");
        assertNoSeriousViolations(driver);

        driver.findElement(By.linkText("registry-start")).click();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("5 days", "€12.50", "4 out of 5");
        assertNoSeriousViolations(driver);

        driver.get(url("/console/organisations/nobody"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertNoSeriousViolations(driver);
    }

        // the sign-in page with its error summary (reachable here whichever security chain is in place)
        driver.get(url("/sign-in?error"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("There is a problem");
        assertNoSeriousViolations(driver);
    }

    @Test
    void pages_use_govuk_frontend_styles_and_scripts_from_the_server() {
        assumeFormSignIn(); // before that, the skeleton's Basic chain guards /webjars/** and /assets/** too
        signIn();
        assertThat(driver.findElement(By.tagName("h1")).getCssValue("font-family")).contains("GDS Transport");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
                .contains("js-enabled", "govuk-frontend-supported");
    }

    @Test
    void a_wrong_password_shows_the_govuk_error_summary() {
        assumeFormSignIn();
        driver.get(url("/sign-in"));
        assertNoSeriousViolations(driver);
        driver.findElement(By.id("username")).sendKeys(MANAGER);
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        assertThat(driver.getCurrentUrl()).endsWith("/sign-in?error");
        assertThat(driver.getTitle()).startsWith("Error:");
        var summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter a correct username and password");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#username");
        assertNoSeriousViolations(driver);
    }

    private void signIn() {
        driver.get(url("/sign-in"));
        if (formSignIn()) {
            driver.findElement(By.id("username")).sendKeys(MANAGER);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        } else {
            // the skeleton's HTTP Basic chain, until the access module's form login is merged
            driver.get("http://" + MANAGER + ":" + PASSWORD + "@localhost:" + port + "/console");
        }
    }

    /** Whether the access module's form login is in place: the sign-in page is open to anonymous visitors. */
    private boolean formSignIn() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/sign-in"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assumeFormSignIn() {
        Assumptions.assumeTrue(formSignIn(), "form sign-in arrives with the access module");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
