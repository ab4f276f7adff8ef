package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.ApiClient;
import org.onestop.testing.Browser;
import org.onestop.testing.ConsoleBrowser;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A fresh demo install with two thousand generated cases over a year: the history looks like
 * life (digital take-up grows, the bank holds cases up), and the dashboards show it in a real
 * browser, axe-core clean, with tables and CSV behind every chart.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.demo.enabled=true", "onestop.insight.platform-cost-per-month=1500"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    History history;
    @Autowired
    Performance performance;
    @Autowired
    Scorecards scorecards;

    WebDriver driver;
    long events;

    @BeforeAll
    void generate() {
        events = history.generate(2_000, 12, 7);
    }

    @BeforeEach
    void browser() {
        driver = browser.driver();
    }

    LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void the_generated_history_is_true_to_life() {
        assertThat(events).isGreaterThan(2_000 * 20L);
        List<ServiceKpis> months = performance.kpis("start-a-business", today().minusMonths(12), today(), Granularity.MONTH)
                .stream().filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).toList();
        assertThat(months).hasSizeGreaterThanOrEqualTo(12);
        ServiceKpis first = months.get(1);
        ServiceKpis last = months.get(months.size() - 2);
        assertThat(last.digitalTakeUp()).isGreaterThan(first.digitalTakeUp());
        // more portal applicants use the address look-up as time goes on
        assertThat(last.prefilledShare()).isGreaterThan(first.prefilledShare());
        // the bank seldom sends updates, so few cases hear from every organisation at every milestone
        long milestoneCases = months.stream().mapToLong(ServiceKpis::milestoneCases).sum();
        double updatedShare = (double) months.stream().mapToLong(ServiceKpis::updatedCases).sum() / milestoneCases;
        assertThat(updatedShare).isBetween(0.01, 0.3);
        assertThat(months.stream().mapToLong(ServiceKpis::completed).sum()).isBetween(1_800L, 2_000L);
        // abandoned portal journeys and withdrawals keep the completion rate below 1
        double completed = months.stream().mapToLong(ServiceKpis::completed).sum();
        assertThat(completed / months.stream().mapToLong(ServiceKpis::started).sum()).isBetween(0.75, 0.97);
        List<OrganisationWaiting> waiting = performance.waiting("start-a-business", today().minusMonths(12), today());
        assertThat(waiting.get(0).organisation()).isEqualTo("northbank");
        assertThat(performance.steps("start-a-business", today().minusMonths(12), today()))
                .filteredOn(s -> s.step().equals("register-company"))
                .allSatisfy(s -> assertThat(s.firstTimeRight()).isBetween(0.85, 0.99));
        PartnerScorecard bank = scorecards.partners(today().minusMonths(12), today()).stream()
                .filter(c -> c.organisation().equals("northbank")).findFirst().orElseThrow();
        assertThat(bank.slaCompliance()).isLessThan(0.9);
        // a small rate of complaints and appeals: about 3 in 1,000 plus appeals by a quarter of the 3 % refused
        long submitted = months.stream().mapToLong(ServiceKpis::submitted).sum();
        long complaintsAndAppeals = months.stream().mapToLong(k -> k.complaints() + k.appeals()).sum();
        assertThat(complaintsAndAppeals * 1000.0 / submitted).isBetween(3.0, 40.0);
        assertThat(months.stream().mapToLong(ServiceKpis::appeals).sum()).isPositive();
        // intermediaries submit for businesses more often than applicants applying themselves
        long businessesViaIntermediary = performance.kpis("start-a-business", today().minusMonths(12), today(),
                Granularity.MONTH, new Segment(null, "business", "intermediary")).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).mapToLong(ServiceKpis::submitted).sum();
        long businessesThemselves = performance.kpis("start-a-business", today().minusMonths(12), today(),
                Granularity.MONTH, new Segment(null, "business", "self")).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).mapToLong(ServiceKpis::submitted).sum();
        assertThat(businessesViaIntermediary).isPositive();
        assertThat(businessesViaIntermediary + businessesThemselves).isLessThan(submitted);
    }

    @Test
    void the_dashboards_render_the_history_with_tables_and_csv() {
        ConsoleBrowser.signIn(driver, port, ApiClient.MANAGER, ApiClient.MANAGER_PASSWORD);
        Browser.clickThrough(driver, By.linkText("Performance"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Service KPIs");
        assertThat(driver.findElement(By.id("headline")).getText()).contains("Completion rate", "%", "€");
        assertThat(driver.findElements(By.cssSelector("svg.onestop-chart"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#channels-table tbody tr"))).hasSize(6);
        assertThat(driver.findElement(By.id("take-up-goal")).getText()).contains("90.0%");
        assertNoSeriousViolations(driver);
        String csv = fetch("/console/performance/kpis.csv?service=start-a-business&months=12");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("_timestamp,service,channel,count,dataType,period");
        assertThat(csv).contains(",start-a-business,portal,", ",completed,month", ",digital-takeup,month");

        Browser.clickThrough(driver, By.linkText("Process and interdependencies"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Process and interdependencies");
        assertThat(driver.findElement(By.cssSelector("#waiting-table tbody tr")).getText()).startsWith("Northbank");
        assertThat(driver.findElements(By.cssSelector("#steps-table tbody tr"))).hasSize(5);
        assertThat(driver.findElement(By.id("dependencies-table")).getText()).contains("inter-organisational", "process");
        assertThat(driver.findElements(By.cssSelector("svg.onestop-chart"))).hasSize(3);
        assertNoSeriousViolations(driver);
        assertThat(fetch("/console/performance/steps.csv?service=start-a-business")).contains("register-company,business-registry,");
        assertThat(fetch("/console/performance/ocel.json")).startsWith("{\"objectTypes\":[{\"name\":\"case\"");

        Browser.clickThrough(driver, By.linkText("Partner scorecards and governance"));
        assertThat(driver.findElements(By.cssSelector("#scorecards-table tbody tr"))).hasSize(5);
        assertThat(driver.findElement(By.id("alignment-table")).getText()).contains("Aligned").doesNotContain("Misaligned");
        assertThat(driver.findElements(By.cssSelector("#modes-table tbody tr"))).hasSize(3);
        assertNoSeriousViolations(driver);
        assertThat(fetch("/console/performance/partners.csv").lines().count()).isGreaterThan(5 * 12);

        Browser.clickThrough(driver, By.linkText("Public value"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Public value");
        assertThat(driver.findElements(By.cssSelector("#public-value-table tbody tr"))).hasSize(12);
        assertThat(driver.findElements(By.cssSelector("svg.onestop-chart"))).hasSize(12);
        // the generated history prefills some applications from the register and has updates from most partners
        for (String name : List.of("Applications prefilled from registries", "Cases with an update before each milestone")) {
            WebElement row = driver.findElements(By.cssSelector("#public-value-table tbody tr")).stream()
                    .filter(r -> r.getText().startsWith(name)).findFirst().orElseThrow();
            String latest = row.findElements(By.tagName("td")).get(4).getText();
            assertThat(latest).as(name).endsWith("%").isNotEqualTo("0.0%");
        }
        assertNoSeriousViolations(driver);
    }

    /** Fetches a download in the signed-in browser session. */
    String fetch(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", path);
    }
}
