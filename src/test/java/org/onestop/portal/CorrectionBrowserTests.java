package org.onestop.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.testing.Browser;
import org.onestop.testing.ConsoleBrowser;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The correction loop in a real browser: the registry's operator asks the applicant to correct
 * the business name, the applicant corrects it from the status page, and the step is back in the
 * operator's inbox. An axe-core scan runs on each page, with and without errors.
 */
@OneStopTest
class CorrectionBrowserTests {

    private static final String PASSWORD = "correction-operator-password";
    private static final String OPERATOR = "correction-registry";
    private static final String REASON = "<b>Spell</b> the name as on your deed";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    SubmittingApplication intake;

    WebDriver driver;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        driver = browser.driver();
        if (accounts.find(OPERATOR).isEmpty()) {
            accounts.create(OPERATOR, PASSWORD, StaffRole.OPERATOR, "business-registry");
        }
    }

    @Test
    void an_operator_asks_for_a_correction_and_the_applicant_corrects_the_answer_asked() {
        Receipt receipt = submit("Analitical Engines Ltd");

        ConsoleBrowser.signIn(driver, port, OPERATOR, PASSWORD);
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));
        Browser.clickThrough(driver, By.cssSelector("#reject button"));
        WebElement summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("Select whether to reject the step or ask the applicant to correct",
                "Enter the reason for rejecting the step");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#decision");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("decision-2")).click();
        driver.findElement(By.cssSelector("input[name=fields][value='business.name']")).click();
        driver.findElement(By.id("reason")).sendKeys(REASON);
        assertNoSeriousViolations(driver);
        Browser.clickThrough(driver, By.cssSelector("#reject button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("is asked to correct their answers");
        assertThat(driver.findElements(By.linkText(receipt.reference()))).isEmpty();
        ConsoleBrowser.signOut(driver);

        openStatus(receipt);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Action needed: correct your answers");
        WebElement banner = driver.findElement(By.id("correction-needed"));
        assertThat(banner.getText()).contains(REASON, "Answers to correct: Business name");
        assertThat(banner.findElements(By.tagName("b"))).isEmpty();
        assertThat(driver.findElement(By.id("steps")).getText()).contains("Waiting for your correction");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.id("correct-answers"));
        assertThat(driver.getCurrentUrl()).endsWith("/status/correct/business");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("About the business");
        assertThat(driver.findElement(By.id("business-name")).getAttribute("value")).isEqualTo("Analitical Engines Ltd");
        assertThat(driver.findElements(By.id("business-activity"))).isEmpty();
        assertThat(driver.findElement(By.id("correction-reasons")).getText()).contains(REASON);
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("business-name")).clear();
        saveAndContinue();
        assertThat(driver.getTitle()).startsWith("Error:");
        assertThat(driver.findElement(By.className("govuk-error-summary")).findElement(By.tagName("a"))
                .getAttribute("href")).endsWith("#business-name");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("business-name")).sendKeys("Analytical Engines Ltd");
        saveAndContinue();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your corrected answers");
        assertThat(driver.findElement(By.id("corrected-answers")).getText()).contains("Analytical Engines Ltd")
                .doesNotContain("Analytical engines");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Send corrected answers']"));
        assertThat(driver.findElement(By.id("success-message")).getText()).isEqualTo("You sent your corrected answers");
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
        assertThat(driver.findElements(By.id("correction-needed"))).isEmpty();
        assertNoSeriousViolations(driver);

        driver.manage().deleteAllCookies();
        ConsoleBrowser.signIn(driver, port, OPERATOR, PASSWORD);
        driver.get(url("/console/inbox"));
        assertThat(ConsoleBrowser.inboxRow(driver, receipt.reference()).getText()).contains("Register the company", "Ready");
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));
        assertThat(driver.findElement(By.id("application-details")).getText()).contains("Analytical Engines Ltd");
    }

    @Test
    void without_a_request_to_correct_the_correction_pages_lead_back_to_the_status() {
        Receipt receipt = submit("Right First Time Ltd");
        openStatus(receipt);
        assertThat(driver.findElements(By.id("correction-needed"))).isEmpty();
        driver.get(url("/status/correct/business"));
        assertThat(driver.getCurrentUrl()).endsWith("/status/view");
        driver.manage().deleteAllCookies();
        driver.get(url("/status/correct"));
        assertThat(driver.getCurrentUrl()).endsWith("/status");
    }

    private void openStatus(Receipt receipt) {
        driver.get(url("/status"));
        driver.findElement(By.id("reference")).sendKeys(receipt.reference());
        driver.findElement(By.id("accessCode")).sendKeys(receipt.accessCode());
        Browser.clickThrough(driver, By.cssSelector("#status button"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your application");
    }

    private void saveAndContinue() {
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Save and continue']"));
    }

    private Receipt submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + businessName.hashCode(), "Ada Lovelace"),
                DemoNetworkFixture.form(businessName, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
