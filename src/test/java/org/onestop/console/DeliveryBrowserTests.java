package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.Accessibility.assertNoSeriousViolations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.exchange.Deliveries;
import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryState;
import org.onestop.exchange.Receiver;
import org.onestop.exchange.Receiver.Answer;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.ApiClient;
import org.onestop.testing.Browser;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Staff watch deliveries in a real browser: a dead delivery is listed with its attempts and
 * replayed once the receiver is fixed; pausing holds pushes back until resumed; an operator sees
 * only its own organisation's deliveries. An axe-core scan runs on each page.
 */
@OneStopTest
@DirtiesContext
@TestPropertySource(properties = {"onestop.test.suite=delivery-browser", "onestop.exchange.push.backoff-base=PT0.05S",
        "onestop.exchange.push.poll=PT0.1S", "onestop.exchange.push.max-attempts=3"})
class DeliveryBrowserTests {

    static final String PASSWORD = "operator-password-1";
    static final String REGISTRY = "business-registry";

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
    Organisations organisations;
    @Autowired
    Deliveries deliveries;

    WebDriver driver;
    Receiver registry;

    @BeforeEach
    void setUp() {
        driver = browser.driver();
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        MemberSystem.receiveBy(organisations, REGISTRY, ReceivingMode.PUSH, registry.url());
        operator("registry-operator", REGISTRY);
        operator("tax-operator", "tax-agency");
    }

    @AfterEach
    void stopReceiver() {
        registry.close();
    }

    @Test
    void a_dead_delivery_is_listed_with_its_attempt_and_delivered_after_a_replay() {
        registry.otherwise(Answer.of(400));
        Receipt receipt = submit("Refused Push Ltd");
        Delivery dead = await(() -> deliveryOf(receipt.id()), d -> d.state() == DeliveryState.DEAD);

        signIn(ApiClient.MANAGER, ApiClient.MANAGER_PASSWORD);
        Browser.clickThrough(driver, By.linkText("Deliveries"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deliveries");
        assertThat(driver.findElement(By.id("count-" + REGISTRY + "-dead")).getText()).isEqualTo("1");
        WebElement row = driver.findElement(By.id("delivery-" + dead.id()));
        assertThat(row.getText()).contains(receipt.reference(), "register-company", "HTTP 400");
        assertNoSeriousViolations(driver);

        Browser.clickThrough(driver, row.findElement(By.linkText(receipt.reference())));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Delivery for " + receipt.reference());
        assertThat(driver.findElement(By.id("delivery-state")).getText()).isEqualTo("Dead");
        assertThat(driver.findElement(By.id("attempts")).getText()).contains("dead", "400", "HTTP 400");
        assertNoSeriousViolations(driver);

        registry.otherwise(Answer.of(200));
        Browser.clickThrough(driver, By.cssSelector("#replay button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("The delivery will be sent again");
        assertNoSeriousViolations(driver);

        await(() -> deliveryOf(receipt.id()), d -> d.state() == DeliveryState.DELIVERED);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("delivery-state")).getText()).isEqualTo("Delivered");
        List<WebElement> attempts = driver.findElements(By.cssSelector("#attempts tbody tr"));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getText()).contains("delivered", "200");
        assertThat(driver.findElements(By.id("replay"))).isEmpty();
    }

    @Test
    void an_operator_pauses_its_deliveries_and_they_go_once_resumed() {
        signIn("registry-operator", PASSWORD);
        driver.get(url("/console/deliveries"));
        assertThat(driver.findElements(By.cssSelector("section[id^=organisation-]"))).hasSize(1);
        Browser.clickThrough(driver, By.cssSelector("#pause-" + REGISTRY + " button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Deliveries to ", "are paused");
        assertThat(driver.findElement(By.id("organisation-" + REGISTRY)).getText()).contains("Paused by registry-operator");
        assertNoSeriousViolations(driver);

        Receipt receipt = submit("Paused Push Ltd");
        sleep(1000);
        assertThat(registry.received()).isEmpty();
        assertThat(deliveryOf(receipt.id()).attempts()).isZero();

        driver.get(url("/console/deliveries"));
        Browser.clickThrough(driver, By.cssSelector("#resume-" + REGISTRY + " button"));
        assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("are resumed");
        await(() -> deliveryOf(receipt.id()), d -> d.state() == DeliveryState.DELIVERED);
        assertThat(registry.received()).hasSize(1);
    }

    @Test
    void an_operator_of_another_organisation_cannot_see_a_delivery() throws Exception {
        Receipt receipt = submit("Private Push Ltd");
        Delivery delivery = await(() -> deliveryOf(receipt.id()), d -> d.state() == DeliveryState.DELIVERED);

        signIn("tax-operator", PASSWORD);
        driver.get(url("/console/deliveries"));
        assertThat(driver.findElements(By.id("organisation-" + REGISTRY))).isEmpty();
        driver.get(url("/console/deliveries/" + delivery.id()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.getPageSource()).doesNotContain(receipt.reference());

        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/console/deliveries/" + delivery.id()))).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private Delivery deliveryOf(UUID caseId) {
        for (DeliveryState state : DeliveryState.values()) {
            for (Delivery d : deliveries.of(REGISTRY, state, 1000)) {
                if (d.caseId().equals(caseId)) {
                    return d;
                }
            }
        }
        return null;
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

    private void signIn(String username, String password) {
        driver.get(url("/sign-in"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        Browser.clickThrough(driver, By.cssSelector("#sign-in button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith("/console");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (value == null || !done.test(value)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached in time; last seen: " + value);
            }
            sleep(50);
            value = read.get();
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
