package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.cases.Cases;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.ledger.Ledger;
import org.onestop.testing.Browser;
import org.onestop.testing.ConsoleBrowser;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The auditor's "Data uses" page: uses across cases with ledger entries, filtered by organisation and period. */
@OneStopTest
class DataUseBrowserTests {

    static final String PASSWORD = "auditor-password-1";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    WorkingOnCases work;
    @Autowired
    Cases cases;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Ledger ledger;

    WebDriver driver;

    @BeforeEach
    void setUp() {
        driver = browser.driver();
        DemoNetworkFixture.load(definitions);
        account("data-auditor", StaffRole.AUDITOR, null);
        account("data-operator", StaffRole.OPERATOR, "business-registry");
    }

    @Test
    void an_auditor_sees_who_viewed_which_fields_under_which_agreement_with_the_ledger_entry() throws InterruptedException {
        Receipt receipt = submit("Audited Ltd");
        UUID caseId = receipt.id();
        for (int tries = 0; cases.find(caseId).isEmpty() && tries < 100; tries++) {
            Thread.sleep(50);
        }
        work.viewInput(caseId, "register-company", "business-registry", "data-operator");
        ledger.catchUp();

        ConsoleBrowser.signIn(driver, port, "data-auditor", PASSWORD);
        Browser.clickThrough(driver, By.linkText("Data uses"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data uses");
        String table = driver.findElement(By.id("uses")).getText();
        assertThat(table).contains(receipt.reference(), "business-registry", "Staff view", "register-company",
                "registry-registration", "Companies Act", "Entry ");
        assertNoSeriousViolations(driver);

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("organisation"))).selectByValue("tax-agency");
        Browser.clickThrough(driver, By.xpath("//button[normalize-space()='Show uses']"));
        assertThat(driver.findElements(By.id("uses"))).isEmpty();
        assertThat(driver.findElement(By.id("no-uses")).getText()).contains("No uses");

        driver.get("http://localhost:" + port + "/console/data-uses?organisation=business-registry&from="
                + LocalDate.now().plusDays(2) + "&to=" + LocalDate.now().plusDays(1));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("The start of the period must be on or before its end");
        driver.get("http://localhost:" + port + "/console/data-uses?from=yesterday");
        assertThat(driver.getTitle()).startsWith("Error:");
        assertThat(driver.findElement(By.id("from-error")).getText()).contains("Enter a date like 2026-05-01");
        assertNoSeriousViolations(driver);
        ConsoleBrowser.signOut(driver);

        ConsoleBrowser.signIn(driver, port, "data-operator", PASSWORD);
        assertThat(driver.findElements(By.linkText("Data uses"))).isEmpty();
        driver.get("http://localhost:" + port + "/console/data-uses");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        driver.manage().deleteAllCookies();
    }

    private void account(String username, StaffRole role, String organisation) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PASSWORD, role, organisation);
        }
    }

    private Receipt submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-1", "Ada"), DemoNetworkFixture.form(businessName, "northfield"),
                Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).receipt();
    }
}
