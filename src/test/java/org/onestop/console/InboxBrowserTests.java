package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Operators work their inbox in a real browser: open a step, see only what their agreement
 * allows, complete or reject it with GOV.UK error messages, and hand the case to the next
 * organisation. An axe-core scan runs on each kind of page.
 */
@OneStopTest
@DirtiesContext
@TestPropertySource(properties = "onestop.test.suite=inbox-browser")
class InboxBrowserTests {

    static final String PASSWORD = "operator-password-1";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    StaffAccounts accounts;

    WebDriver driver;

    @BeforeEach
    void setUp() {
        driver = browser.driver();
        DemoNetworkFixture.load(definitions);
        operator("registry-operator", "business-registry");
        operator("tax-operator", "tax-agency");
    }

    @Test
    void an_operator_completes_a_step_and_the_next_organisation_finds_the_dependent_step_in_its_inbox() {
        Receipt receipt = submit("Ada Ltd");
        signIn("registry-operator");
        Browser.clickThrough(driver, By.linkText("Inbox"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
        WebElement row = rowOf(receipt.reference());
        assertThat(row.getText()).contains("Start a business", "Register the company", "Ready");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, row.findElement(By.linkText(receipt.reference())));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Register the company");
        String details = driver.findElement(By.id("application-details")).getText();
        assertThat(details).contains("About the business › Business name", "Ada Ltd",
                "About the business › Business address › Postcode", "1234 AB", "About you › Email address");
        // the registry's agreement covers neither the number of employees nor the bank account
        assertThat(details).doesNotContain("Number of employees", "Open a business bank account");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.cssSelector("#start button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("You started work");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("In progress");

        Browser.clickThrough(driver, By.cssSelector("#complete button"));
        assertThat(driver.getTitle()).startsWith("Error:");
        WebElement summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter the registry number");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#output-registryNumber");
        assertThat(driver.findElement(By.id("output-registryNumber-error")).getText()).contains("Enter the registry number");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("output-registryNumber")).sendKeys("123");
        Browser.clickThrough(driver, By.cssSelector("#complete button"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Registry number must be 8 digits");
        assertThat(driver.findElement(By.id("output-registryNumber")).getAttribute("value")).isEqualTo("123");

        driver.findElement(By.id("output-registryNumber")).clear();
        driver.findElement(By.id("output-registryNumber")).sendKeys("12345678");
        Browser.clickThrough(driver, By.cssSelector("#complete button"));
        assertThat(driver.getCurrentUrl()).endsWith("/console/inbox");
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Step completed for " + receipt.reference());
        assertThat(driver.findElements(By.linkText(receipt.reference()))).isEmpty();
        assertNoSeriousViolations(driver);
        String registryStep = url("/console/inbox/" + receipt.id() + "/register-company");

        driver.manage().deleteAllCookies();
        signIn("tax-operator");
        driver.get(url("/console/inbox"));
        assertThat(rowOf(receipt.reference()).getText()).contains("Issue a tax number", "Ready");
        Browser.clickThrough(driver, rowOf(receipt.reference()).findElement(By.tagName("a")));
        assertThat(driver.findElement(By.id("earlier-outputs")).getText())
                .contains("Register the company › Registry number", "12345678");
        assertThat(driver.findElement(By.id("application-details")).getText()).contains("Number of employees", "3")
                .doesNotContain("Email address");

        driver.get(registryStep);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.getPageSource()).doesNotContain("Ada Ltd");
    }

    @Test
    void rejecting_a_step_needs_a_reason() {
        Receipt receipt = submit("Refused Ltd");
        signIn("registry-operator");
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));

        driver.findElement(By.id("decision")).click();
        Browser.clickThrough(driver, By.cssSelector("#reject button"));
        WebElement summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("Enter the reason for rejecting the step");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#reason");
        assertThat(driver.findElement(By.id("reason-error")).getText()).contains("Enter the reason");
        assertNoSeriousViolations(driver);

        assertThat(driver.findElement(By.id("decision")).isSelected()).isTrue();
        driver.findElement(By.id("reason")).sendKeys("The company name is already registered");
        Browser.clickThrough(driver, By.cssSelector("#reject button"));
        assertThat(driver.getCurrentUrl()).endsWith("/console/inbox");
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Step rejected for " + receipt.reference());
        assertThat(driver.findElements(By.linkText(receipt.reference()))).isEmpty();
    }

    @Test
    void an_operator_sends_the_applicant_updates_that_the_applicant_reads_in_time_order() {
        Receipt receipt = submit("Told Ltd");
        signIn("registry-operator");
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));
        assertThat(driver.findElement(By.id("updates-heading")).getText()).isEqualTo("Send the applicant an update");
        assertThat(driver.findElement(By.id("no-updates")).getText()).contains("has not sent the applicant an update");

        Browser.clickThrough(driver, By.id("send-update"));
        assertThat(driver.getTitle()).startsWith("Error:");
        WebElement summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter the update");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#message");
        assertThat(driver.findElement(By.id("message-error")).getText()).contains("Enter the update");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("message")).sendKeys("z".repeat(501));
        Browser.clickThrough(driver, By.id("send-update"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("The update must be 500 characters or fewer");
        // what was typed stays in the box, to shorten
        assertThat(driver.findElement(By.id("message")).getAttribute("value")).hasSize(501);

        String first = "We have your documents <b>and</b> <script>alert(1)</script> start tomorrow";
        driver.findElement(By.id("message")).clear();
        driver.findElement(By.id("message")).sendKeys(first);
        Browser.clickThrough(driver, By.id("send-update"));
        assertThat(driver.getTitle()).doesNotStartWith("Error:");
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Your update was sent to the applicant of " + receipt.reference());
        assertThat(driver.findElement(By.id("updates-sent")).getText()).contains(first);
        assertNoSeriousViolations(driver);
        driver.findElement(By.id("message")).sendKeys("We expect to decide by Friday");
        Browser.clickThrough(driver, By.id("send-update"));
        assertThat(driver.findElements(By.cssSelector("#updates-sent li"))).hasSize(2);

        // another organisation cannot reach the step, nor its form
        driver.manage().deleteAllCookies();
        signIn("tax-operator");
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");

        driver.manage().deleteAllCookies();
        driver.get(url("/status"));
        driver.findElement(By.id("reference")).sendKeys(receipt.reference());
        driver.findElement(By.id("accessCode")).sendKeys(receipt.accessCode());
        Browser.clickThrough(driver, By.cssSelector("form button[type=submit]"));
        assertThat(driver.findElement(By.id("updates-heading")).getText()).isEqualTo("Updates from the organisations");
        java.util.List<WebElement> updates = driver.findElements(By.cssSelector("#updates li"));
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).getText()).contains("Register the company", first);
        assertThat(updates.get(1).getText()).contains("Register the company", "We expect to decide by Friday");
        // shown as text, never as markup
        assertThat(driver.findElements(By.cssSelector("#updates b, #updates script"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertNoSeriousViolations(driver);
    }

    @Test
    void markup_in_application_data_is_shown_as_text() {
        String name = "<script>alert(1)</script><b>Bold</b>";
        Receipt receipt = submit(name);
        signIn("registry-operator");
        driver.get(url("/console/inbox/" + receipt.id() + "/register-company"));

        assertThat(driver.findElement(By.id("application-details")).getText()).contains(name);
        assertThat(driver.findElements(By.cssSelector("#application-details b"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private WebElement rowOf(String reference) {
        return ConsoleBrowser.inboxRow(driver, reference);
    }

    private void operator(String username, String organisation) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PASSWORD, StaffRole.OPERATOR, organisation);
        }
    }

    private Receipt submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-1", "Ada"), DemoNetworkFixture.form(businessName, "northfield"),
                Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).receipt();
    }

    private void signIn(String username) {
        ConsoleBrowser.signIn(driver, port, username, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
