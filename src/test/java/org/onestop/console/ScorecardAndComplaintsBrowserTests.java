package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.StepState;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.insight.PublicValue;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.testing.ApiClient;
import org.onestop.testing.Browser;
import org.onestop.testing.ConsoleBrowser;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * In a real browser: an applicant appeals a rejected step from the status page, the operator of
 * the organisation that rejected it and the manager find it in the console; a manager changes, adds
 * and removes public value indicators, with GOV.UK error summaries from the definition's rules. An
 * axe-core scan runs on each page.
 */
@OneStopTest
@DirtiesContext
@TestPropertySource(properties = "onestop.test.suite=scorecard-browser")
class ScorecardAndComplaintsBrowserTests {

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
    @Autowired
    Cases cases;
    @Autowired
    WorkingOnCases working;
    @Autowired
    PublicValue publicValue;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;

    @BeforeEach
    void setUp() {
        driver = browser.driver();
        DemoNetworkFixture.load(definitions);
        if (accounts.find("registry-operator").isEmpty()) {
            accounts.create("registry-operator", PASSWORD, StaffRole.OPERATOR, "business-registry");
        }
    }

    @Test
    void an_applicant_appeals_a_rejected_step_and_the_organisation_and_the_manager_see_it() throws Exception {
        Receipt receipt = submit("Appeal Ltd");
        UUID id = receipt.id();
        for (int i = 0; i < 100 && cases.find(id).flatMap(c -> c.step("register-company"))
                .map(s -> s.state() != StepState.READY).orElse(true); i++) {
            Thread.sleep(100);
        }
        assertThat(working.reject(id, "register-company", "The name is taken", "business-registry", "registry-operator"))
                .isInstanceOf(StepResult.Done.class);

        driver.get(url("/status"));
        driver.findElement(By.id("reference")).sendKeys(receipt.reference());
        driver.findElement(By.id("accessCode")).sendKeys(receipt.accessCode());
        Browser.clickThrough(driver, By.cssSelector("form button[type=submit]"));
        Browser.clickThrough(driver, By.id("make-complaint"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Make a complaint or appeal");
        assertThat(driver.findElement(By.cssSelector("label[for=about-2]")).getText())
                .isEqualTo("Appeal the decision: Register the company");
        Browser.clickThrough(driver, By.cssSelector("form button[type=submit]"));
        assertThat(driver.getTitle()).startsWith("Error:");
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Select what your complaint is about", "Enter what went wrong and what you would like to happen");
        assertNoSeriousViolations(driver);

        driver.findElement(By.id("about-2")).click();
        driver.findElement(By.id("details")).sendKeys("The name <script>alert(1)</script> is mine");
        Browser.clickThrough(driver, By.cssSelector("form button[type=submit]"));
        assertThat(driver.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("Appeal sent");
        assertNoSeriousViolations(driver);

        ConsoleBrowser.signIn(driver, port, "registry-operator", PASSWORD);
        Browser.clickThrough(driver, By.linkText("Complaints"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Appeals to Business Registry");
        WebElement row = driver.findElement(By.cssSelector("#complaints tbody tr"));
        assertThat(row.getText()).contains(receipt.reference(), "Appeal", "register-company",
                "The name <script>alert(1)</script> is mine");
        assertNoSeriousViolations(driver);
        // the operator does not change the scorecard
        driver.get(url("/console/performance/public-value/indicators/new"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        driver.get(url("/console"));
        ConsoleBrowser.signOut(driver);

        ConsoleBrowser.signIn(driver, port, ApiClient.MANAGER, ApiClient.MANAGER_PASSWORD);
        Browser.clickThrough(driver, By.linkText("Complaints"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Complaints and appeals");
        assertThat(driver.findElement(By.id("complaints")).getText()).contains(receipt.reference());
    }

    @Test
    void a_manager_changes_adds_and_removes_indicators_through_the_definitions_rules() {
        List<PublicValueIndicator> before = publicValue.indicators();
        try {
            ConsoleBrowser.signIn(driver, port, ApiClient.MANAGER, ApiClient.MANAGER_PASSWORD);
            driver.get(url("/console/performance/public-value"));
            Browser.clickThrough(driver, By.cssSelector("a[href='/console/performance/public-value/indicators/applicants-complete']"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Change Applicants get an outcome");
            assertThat(driver.findElement(By.id("baseline")).getAttribute("value")).isEqualTo("0.75");
            replace("baseline", "lots");
            replace("target", "85");
            Browser.clickThrough(driver, By.id("save-indicator"));
            assertThat(driver.getTitle()).startsWith("Error:");
            // the first from the form, the second from the rules of a definition import
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                    .contains("Baseline must be a number, like 0.85 or 60");
            assertNoSeriousViolations(driver);
            replace("baseline", "0.7");
            Browser.clickThrough(driver, By.id("save-indicator"));
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                    .contains("A share is written between 0 and 1 (0.85 for 85 %)");
            driver.findElement(By.cssSelector(".govuk-error-summary a[href='#target']")).isDisplayed();
            replace("target", "0.9");
            driver.findElement(By.id("better-2")).click();
            Browser.clickThrough(driver, By.id("save-indicator"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Public value");
            assertThat(definitions.exportText(DefinitionFormat.YAML)).contains("baseline: 0.7", "target: 0.9", "better: lower");

            Browser.clickThrough(driver, By.id("add-indicator"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Add an indicator");
            assertThat(new Select(driver.findElement(By.id("metric"))).getOptions()).extracting(WebElement::getText)
                    .contains("prefilled-share", "status-updated-share");
            driver.findElement(By.id("code")).sendKeys("portal-lead-time");
            driver.findElement(By.id("name")).sendKeys("Days to an outcome in the portal");
            new Select(driver.findElement(By.id("stakeholder"))).selectByValue("applicants");
            driver.findElement(By.id("dimension")).sendKeys("efficiency");
            new Select(driver.findElement(By.id("service"))).selectByValue("start-a-business");
            new Select(driver.findElement(By.id("metric"))).selectByValue("case-lead-time-days");
            driver.findElement(By.id("better-2")).click();
            driver.findElement(By.id("baseline")).sendKeys("6");
            driver.findElement(By.id("target")).sendKeys("4");
            new Select(driver.findElement(By.id("channel"))).selectByValue("portal");
            Browser.clickThrough(driver, By.id("save-indicator"));
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                    .contains("Metric 'case-lead-time-days' cannot be measured per channel");
            assertNoSeriousViolations(driver);
            new Select(driver.findElement(By.id("metric"))).selectByValue("complaints-and-appeals-per-1000-cases");
            Browser.clickThrough(driver, By.id("save-indicator"));
            assertThat(driver.findElement(By.id("public-value-table")).getText())
                    .contains("Days to an outcome in the portal", "For portal channel");
            assertNoSeriousViolations(driver);
            assertThat(definitions.exportText(DefinitionFormat.YAML)).contains("code: portal-lead-time",
                    "metric: complaints-and-appeals-per-1000-cases", "channel: portal");

            driver.get(url("/console/performance/public-value/indicators/portal-lead-time"));
            // removing asks first; "No, keep it" changes nothing
            Browser.clickThrough(driver, By.id("remove-indicator"));
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Are you sure you want to remove Days to an outcome in the portal?");
            assertThat(driver.getTitle()).startsWith("Are you sure you want to remove Days to an outcome in the portal?");
            assertThat(driver.findElement(By.id("indicator-summary")).getText())
                    .contains("applicants", "efficiency", "complaints-and-appeals-per-1000-cases");
            assertNoSeriousViolations(driver);
            Browser.clickThrough(driver, By.id("keep-indicator"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Change Days to an outcome in the portal");
            assertThat(publicValue.indicators()).hasSize(before.size() + 1);
            Browser.clickThrough(driver, By.id("remove-indicator"));
            Browser.clickThrough(driver, By.id("confirm-removal"));
            assertThat(driver.findElement(By.id("public-value-table")).getText()).doesNotContain("Days to an outcome in the portal");
            assertThat(publicValue.indicators()).hasSize(before.size());
            assertThat(jdbc.sql("SELECT attributes FROM event_log WHERE type = 'public-value-changed' AND actor = ? ORDER BY id")
                    .param(ApiClient.MANAGER).query(String.class).list())
                    .hasSize(3).satisfies(changes -> {
                        assertThat(changes.get(0)).contains("applicants-complete", "changed");
                        assertThat(changes.get(1)).contains("portal-lead-time", "added");
                        assertThat(changes.get(2)).contains("portal-lead-time", "removed");
                    });
        } finally {
            publicValue.declare(before);
        }
    }

    private void replace(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private Receipt submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-1", "Ada"), DemoNetworkFixture.form(businessName, "northfield"),
                Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).receipt();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
