package org.onestop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Staff in the console of a browser test: sign in and out through the forms, and find a case in the inbox. */
public final class ConsoleBrowser {

    private ConsoleBrowser() {
    }

    /** Signs in through the sign-in form and lands on the console's home page. */
    public static void signIn(WebDriver driver, int port, String username, String password) {
        driver.get("http://localhost:" + port + "/sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        Browser.clickThrough(driver, By.cssSelector("#sign-in button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith("/console");
    }

    /** Signs out with the header's button (a POST form) and lands on the sign-in page. */
    public static void signOut(WebDriver driver) {
        Browser.clickThrough(driver, By.cssSelector("header button.onestop-sign-out"));
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in?signed-out");
    }


    /** The inbox table's row of the case with this reference. */
    public static WebElement inboxRow(WebDriver driver, String reference) {
        return driver.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains(reference)).findFirst()
                .orElseThrow(() -> new AssertionError("no inbox row for " + reference));
    }
}
