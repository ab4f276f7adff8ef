package org.onestop.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Applications;
import org.onestop.testing.Browser;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.json.JsonMapper;

/**
 * An applicant's whole journey in a real headless Chromium, with an axe-core scan of every page:
 * start, questions (with an error and its correction), check answers (with a change), declaration,
 * confirmation, and the status page while the organisations complete their steps.
 */
@OneStopTest
class PortalJourneyBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Applications applications;
    @Autowired
    WorkingOnCases working;

    WebDriver driver;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        driver = browser.driver();
    }

    @Test
    void an_applicant_applies_once_and_follows_every_step_to_the_end() {
        driver.get(url("/"));
        assertNoSeriousViolations(driver);
        driver.findElement(By.linkText("Start a business")).click();
        assertThat(heading()).isEqualTo("Start a business");
        assertThat(main()).contains("Business Registry", "Tax Agency", "Northbank");
        assertNoSeriousViolations(driver);

        driver.findElement(By.linkText("Start now")).click();
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
        driver.findElement(By.xpath("//div[dt[normalize-space()='Business name']]//a[starts-with(normalize-space(), 'Change')]")).click();
        assertThat(heading()).isEqualTo("About the business");
        assertThat(driver.findElement(By.id("business-name")).getAttribute("value")).isEqualTo("Analytical Engines");
        driver.findElement(By.id("business-name")).clear();
        type("business-name", "Difference Engines Ltd");
        saveAndContinue();
        assertThat(heading()).isEqualTo("Check your answers before sending your application");
        assertThat(main()).contains("Difference Engines Ltd").doesNotContain("Analytical Engines");

        driver.findElement(By.cssSelector("label[for=declaration]")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Accept and send']")).click();

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
        driver.findElement(By.cssSelector("#status button")).click();
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter a correct reference and access code");
        assertNoSeriousViolations(driver);
        driver.findElement(By.id("reference")).clear();
        type("reference", reference);
        type("accessCode", accessCode);
        driver.findElement(By.cssSelector("#status button")).click();

        assertThat(heading()).isEqualTo("Your application");
        List<WebElement> steps = driver.findElements(By.cssSelector(".govuk-task-list__item"));
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).getText()).contains("Register the company", "Business Registry", "Not started", "Due by");
        assertThat(steps.get(1).getText()).contains("Issue a tax number", "Tax Agency", "Cannot start yet");
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
        assertNoSeriousViolations(driver);

        // The operator inbox has not landed on main yet: the organisations complete their steps through the API.
        UUID caseId = applications.findByReference(reference, accessCode).orElseThrow().id();
        complete(caseId, "register-company", "business-registry", "{\"registryNumber\": \"12345678\"}");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector(".govuk-task-list__item")).get(0).getText()).contains("Completed", "Finished");
        complete(caseId, "tax-number", "tax-agency", "{\"taxNumber\": \"TX-991\"}");
        complete(caseId, "trading-licence", "municipality-northfield", "{\"licenceNumber\": \"NF-2026-7\"}");
        complete(caseId, "business-account", "northbank", "{\"iban\": \"NL91ABNA0417164300\"}");
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Completed");
        assertThat(driver.findElements(By.cssSelector(".govuk-task-list__status")))
                .allSatisfy(status -> assertThat(status.getText()).contains("Completed"));
        assertThat(driver.findElements(By.linkText("Withdraw application"))).isEmpty();
        assertNoSeriousViolations(driver);
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
        driver.findElement(By.xpath("//button[normalize-space()='Accept and send']")).click();
        assertThat(driver.getTitle()).startsWith("Error:");
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=declaration]")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Accept and send']")).click();
        assertThat(main()).contains("Southport Municipality");

        driver.findElement(By.xpath("//button[normalize-space()='Send feedback']")).click();
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Select how satisfied you were with this service");
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=score-2]")).click();
        type("comment", "Clear questions.");
        driver.findElement(By.xpath("//button[normalize-space()='Send feedback']")).click();
        assertThat(heading()).isEqualTo("Thank you for your feedback");
        assertNoSeriousViolations(driver);

        driver.findElement(By.linkText("Check the status of your application")).click();
        driver.findElement(By.linkText("Withdraw application")).click();
        assertNoSeriousViolations(driver);
        driver.findElement(By.cssSelector("label[for=withdraw]")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Continue']")).click();
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

    private void complete(UUID caseId, String step, String organisation, String output) {
        StepResult result = working.complete(caseId, step, JSON.readTree(output), organisation, "operator-" + organisation);
        assertThat(result).isInstanceOf(StepResult.Done.class);
    }

    private void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void saveAndContinue() {
        driver.findElement(By.xpath("//button[normalize-space()='Save and continue']")).click();
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
