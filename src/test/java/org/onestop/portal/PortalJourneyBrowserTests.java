package org.onestop.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.definition.NetworkDefinitions;
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
 * An applicant's whole journey in a real headless Chromium, with an axe-core scan of every page:
 * start, questions (with an error and its correction), check answers (with a change), declaration,
 * confirmation, and the status page while each organisation's operator completes its step in the
 * console inbox.
 */
@OneStopTest
class PortalJourneyBrowserTests {

    private static final String PASSWORD = "journey-operator-password";
    private static final String REGISTRY = "journey-registry";
    private static final String TAX = "journey-tax";
    private static final String NORTHFIELD = "journey-northfield";
    private static final String BANK = "journey-northbank";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    StaffAccounts accounts;

    WebDriver driver;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        driver = browser.driver();
        operator(REGISTRY, "business-registry");
        operator(TAX, "tax-agency");
        operator(NORTHFIELD, "municipality-northfield");
        operator(BANK, "northbank");
    }

    private void operator(String username, String organisation) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PASSWORD, StaffRole.OPERATOR, organisation);
        }
    }

    @Test
    void an_applicant_applies_once_and_follows_every_step_to_the_end() throws InterruptedException {
        driver.get(url("/"));
        assertNoSeriousViolations(driver);
        Browser.clickThrough(driver, By.linkText("Start a business"));
        assertThat(heading()).isEqualTo("Start a business");
        assertThat(main()).contains("Business Registry", "Tax Agency", "Northbank");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("Start now"));
        assertThat(heading()).isEqualTo("About you");
        assertNoSeriousViolations(driver);
        type("applicant-email", "ada@example.org");
        saveAndContinue();
        assertThat(driver.getTitle()).startsWith("Error:");
        WebElement summary = driver.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter your full name");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#applicant-fullName");
        assertThat(driver.findElement(By.id("applicant-fullName-error")).getText()).contains("Enter your full name");
        assertThat(driver.findElement(By.id("applicant-email")).getAttribute("value")).isEqualTo("ada@example.org");
        assertThat(driver.findElement(By.id("applicant-email")).getAttribute("type")).isEqualTo("email");
        assertNoSeriousViolations(driver);
        type("applicant-fullName", "Ada Lovelace");
        saveAndContinue();

        assertThat(heading()).isEqualTo("About the business");
        assertNoSeriousViolations(driver);
        type("business-name", "Analytical Engines");
        driver.findElement(By.cssSelector("label[for=business-legalForm-2]")).click();
        type("business-activity", "Engines that compute");
        type("business-startDate-day", "1");
        type("business-startDate-month", "12");
        type("business-startDate-year", "2026");
        type("business-employees", "3");
        type("business-address-street", "1 Engine Row");
        type("business-address-postcode", "1234 AB");
        driver.findElement(By.cssSelector("label[for=business-address-municipality]")).click();
        saveAndContinue();

        assertThat(heading()).isEqualTo("Business bank account");
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=banking-openAccount]")).click();
        saveAndContinue();

        assertThat(heading()).isEqualTo("Check your answers before sending your application");
        assertThat(main()).contains("Ada Lovelace", "Analytical Engines", "Limited company", "1 December 2026", "1234 AB",
                "Northfield", "Yes");
        assertNoSeriousViolations(driver);
        Browser.clickThrough(driver, By.xpath("//div[dt[normalize-space()='Business name']]//a[starts-with(normalize-space(), 'Change')]"));
        assertThat(heading()).isEqualTo("About the business");
        assertThat(driver.findElement(By.id("business-name")).getAttribute("value")).isEqualTo("Analytical Engines");
        driver.findElement(By.id("business-name")).clear();
        type("business-name", "Difference Engines Ltd");
        saveAndContinue();
        assertThat(heading()).isEqualTo("Check your answers before sending your application");
        assertThat(main()).contains("Difference Engines Ltd").doesNotContain("Analytical Engines");

        driver.findElement(By.cssSelector("label[for=declaration]")).click();
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Accept and send']"));

        assertThat(driver.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("Application sent");
        String reference = driver.findElement(By.id("reference")).getText();
        String accessCode = driver.findElement(By.id("access-code")).getText();
        assertThat(reference).matches("OS-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(accessCode).isNotBlank();
        assertThat(main()).contains("What happens next", "Business Registry", "Northfield Municipality", "Tax Agency", "Northbank");
        assertNoSeriousViolations(driver);
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("access-code"))).isEmpty();

        // a new visitor checks the status with the reference and the access code
        driver.manage().deleteAllCookies();
        driver.get(url("/status"));
        assertNoSeriousViolations(driver);
        type("reference", reference);
        type("accessCode", "WRONG-CODE");
        Browser.clickThrough(driver, By.cssSelector("#status button"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter a correct reference and access code");
        assertNoSeriousViolations(driver);
        driver.findElement(By.id("reference")).clear();
        type("reference", reference);
        type("accessCode", accessCode);
        Browser.clickThrough(driver, By.cssSelector("#status button"));

        assertThat(heading()).isEqualTo("Your application");
        List<WebElement> steps = driver.findElements(By.cssSelector(".govuk-task-list__item"));
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).getText()).contains("Register the company", "Business Registry", "Not started", "Due by");
        assertThat(steps.get(1).getText()).contains("Issue a tax number", "Tax Agency", "Cannot start yet");
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
        assertNoSeriousViolations(driver);

        // Each organisation's operator works the step in the console inbox, in dependency order.
        // Signing in and out as staff ends the applicant's session, so the status is opened again.
        completeInInbox(REGISTRY, reference, "Register the company", "output-registryNumber", "12345678");
        openStatus(reference, accessCode);
        assertThat(driver.findElements(By.cssSelector(".govuk-task-list__item")).get(0).getText()).contains("Completed", "Finished");
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
        completeInInbox(TAX, reference, "Issue a tax number", "output-taxNumber", "TX-991");
        completeInInbox(NORTHFIELD, reference, "Grant a trading licence", "output-licenceNumber", "NF-2026-7");
        completeInInbox(BANK, reference, "Open a business account", "output-iban", "NL91ABNA0417164300");
        openStatus(reference, accessCode);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Completed");
        assertThat(driver.findElements(By.cssSelector(".govuk-task-list__item"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector(".govuk-task-list__status")))
                .allSatisfy(status -> assertThat(status.getText()).contains("Completed"));
        assertThat(driver.findElements(By.linkText("Withdraw application"))).isEmpty();
        assertNoSeriousViolations(driver);

        // who used the applicant's data: each operator's view, under its agreement, with its ledger entry and proof
        openStatus(reference, accessCode);
        List<WebElement> uses = driver.findElements(By.cssSelector("#data-uses tbody tr"));
        assertThat(uses).hasSizeGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.id("data-uses")).getText()).contains(
                "Business Registry", "Viewed by a member of staff for: Register the company", "Agreement registry-registration",
                "Companies Act, section 12", "Tax Agency", "Viewed by a member of staff for: Issue a tax number", "Northbank",
                "applicant", "business");
        WebElement proofLink = uses.get(0).findElement(By.partialLinkText("Entry "));
        assertThat(proofLink.getAttribute("href")).matches(".*/api/v1/ledger/entries/[0-9]+/inclusion");
        assertNoSeriousViolations(driver);
        assertInclusionProofChecks(proofLink.getAttribute("href"));
    }

    /** The proof behind a status page link leads to the root of the latest signed checkpoint. */
    private void assertInclusionProofChecks(String href) throws InterruptedException {
        org.onestop.testing.ApiClient anyone = org.onestop.testing.ApiClient.anonymous(port);
        String path = href.substring(href.indexOf("/api/"));
        org.onestop.testing.ApiClient.Response proof = anyone.get(path);
        for (int tries = 0; proof.status() == 404 && tries < 50; tries++) {
            Thread.sleep(100);
            proof = anyone.get(path);
        }
        assertThat(proof.status()).isEqualTo(200);
        long treeSize = proof.json().path("treeSize").asLong();
        String root = anyone.get("/api/v1/ledger/checkpoints/" + treeSize).json().path("rootHash").asString();
        List<byte[]> hashes = new java.util.ArrayList<>();
        proof.json().path("path").forEach(hash -> hashes.add(java.util.HexFormat.of().parseHex(hash.asString())));
        assertThat(org.onestop.ledger.internal.ProofCheck.inclusion(proof.json().path("index").asLong(), treeSize,
                java.util.HexFormat.of().parseHex(proof.json().path("leafHash").asString()), hashes,
                java.util.HexFormat.of().parseHex(root))).isTrue();
    }

    @Test
    void the_satisfaction_question_and_withdrawal_pages_pass_the_scan() {
        driver.get(url("/apply/start-a-business/applicant"));
        type("applicant-fullName", "Grace Hopper");
        type("applicant-email", "grace@example.org");
        saveAndContinue();
        type("business-name", "Compilers");
        driver.findElement(By.cssSelector("label[for=business-legalForm]")).click();
        type("business-startDate-day", "2");
        type("business-startDate-month", "1");
        type("business-startDate-year", "2027");
        type("business-address-street", "2 Harbour Way");
        type("business-address-postcode", "9999ZZ");
        driver.findElement(By.cssSelector("label[for=business-address-municipality-2]")).click();
        saveAndContinue();
        saveAndContinue();
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Accept and send']"));
        assertThat(driver.getTitle()).startsWith("Error:");
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=declaration]")).click();
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Accept and send']"));
        assertThat(main()).contains("Southport Municipality");

        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Send feedback']"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Select how satisfied you were with this service");
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=score-2]")).click();
        type("comment", "Clear questions.");
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Send feedback']"));
        assertThat(heading()).isEqualTo("Thank you for your feedback");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, By.linkText("Check the status of your application"));
        Browser.clickThrough(driver, By.linkText("Withdraw application"));
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=withdraw]")).click();
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Continue']"));
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Withdrawn");
        assertNoSeriousViolations(driver);

        driver.get(url("/apply/no-such-service"));
        assertThat(heading()).isEqualTo("Page not found");
        assertNoSeriousViolations(driver);
    }

    @Test
    void a_body_over_the_servers_form_limit_is_refused_without_a_server_error() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/apply/start-a-business/applicant"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        for (int size : new int[] {300_000, 1_500_000}) {
            String body = "_csrf=" + csrf.group(1) + "&applicant.fullName=" + "z".repeat(size);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/apply/start-a-business/applicant")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("status for %d characters", size).isLessThan(500);
            assertThat(answer.body()).doesNotContain("z".repeat(201));
            if (size < 1_000_000) {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("There is a problem", "Your answers are too long");
            }
        }
    }

    /**
     * As the organisation's operator: open the case's step from the inbox, start work, fill the
     * "Complete" form's one output field, submit, and sign out.
     */
    private void completeInInbox(String operator, String reference, String step, String field, String value) {
        ConsoleBrowser.signIn(driver, port, operator, PASSWORD);
        Browser.clickThrough(driver, By.linkText("Inbox"));
        assertThat(heading()).isEqualTo("Inbox");
        WebElement row = ConsoleBrowser.inboxRow(driver, reference);
        assertThat(row.getText()).contains("Start a business", step, "Ready");
        assertNoSeriousViolations(driver);

        String stepPage = row.findElement(By.linkText(reference)).getAttribute("href");
        Browser.clickThrough(driver, By.linkText(reference));
        assertThat(driver.getCurrentUrl()).isEqualTo(stepPage);
        assertThat(heading()).isEqualTo(step);
        assertThat(driver.findElement(By.className("govuk-caption-l")).getText()).isEqualTo(reference);
        assertThat(driver.findElement(By.id("application-details")).getText()).contains("Difference Engines Ltd");
        assertNoSeriousViolations(driver);
        Browser.clickThrough(driver, By.cssSelector("#start button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("You started work");
        assertThat(main()).contains("In progress");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id(field)).sendKeys(value);
        Browser.clickThrough(driver, By.cssSelector("#complete button"));
        assertThat(driver.getCurrentUrl()).endsWith("/console/inbox");
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Step completed for " + reference);
        assertThat(driver.findElements(By.linkText(reference))).isEmpty();
        assertNoSeriousViolations(driver);
        ConsoleBrowser.signOut(driver);
    }

    /** As the applicant, with the reference and the access code. */
    private void openStatus(String reference, String accessCode) {
        driver.get(url("/status"));
        driver.findElement(By.id("reference")).clear();
        type("reference", reference);
        driver.findElement(By.id("accessCode")).clear();
        type("accessCode", accessCode);
        Browser.clickThrough(driver, By.cssSelector("#status button"));
        assertThat(heading()).isEqualTo("Your application");
    }

    private void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void saveAndContinue() {
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Save and continue']"));
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
