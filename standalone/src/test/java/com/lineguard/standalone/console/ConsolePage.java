package com.lineguard.standalone.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The dispatcher console as a test sees it: what a dispatcher would look at and click, by stable selectors. */
final class ConsolePage {

    private final ChromeDriver driver;
    private final String baseUrl;

    ConsolePage(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    ConsolePage signIn(String userId, String... roles) {
        return signIn(userId, List.of(roles), "live");
    }

    /** Development sign-in; then waits for the connection state (live, or offline for a user without the board). */
    ConsolePage signIn(String userId, List<String> roles, String connectionState) {
        driver.get(baseUrl + "/");
        WebElement user = waitUntil(Duration.ofSeconds(10), d -> visible(By.id("signin-user")));
        user.clear();
        user.sendKeys(userId);
        for (WebElement box : driver.findElements(By.cssSelector("input[name=role]"))) {
            boolean wanted = roles.contains(box.getAttribute("value"));
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        driver.findElement(By.id("signin-submit")).click();
        waitUntil(Duration.ofSeconds(10), d -> connectionState.equals(connectionState()));
        return this;
    }

    /** The text of an outage's row in a panel table (outages-body or handover-body), or "" while it has none. */
    String outageRow(String panelId, String outageId) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + panelId + " tr[data-outage-id='" + outageId + "']"));
        return rows.isEmpty() ? "" : rows.get(0).getText();
    }

    String panelState(String panelId) {
        return driver.findElement(By.id(panelId)).getAttribute("data-state");
    }

    /** One line of the alarm-handling report, by its first cell. */
    String reportFigure(String figure) {
        return driver.findElement(By.cssSelector("#report-body tr[data-figure='" + figure + "']")).getText().replace('\n', ' ');
    }

    /** How many markers the map draws in a pane: alerts, outages or crews. */
    int mapMarkers(String pane) {
        return driver.findElements(By.cssSelector(".leaflet-" + pane + "-pane path")).size();
    }

    String connectionState() {
        return driver.findElement(By.id("conn")).getAttribute("data-state");
    }

    int reconnects() {
        return Integer.parseInt(driver.findElement(By.id("conn")).getAttribute("data-reconnects"));
    }

    WebElement card(String alertId) {
        return driver.findElement(By.cssSelector("#board [data-alert-id='" + alertId + "']"));
    }

    boolean hasCard(String alertId) {
        return !driver.findElements(By.cssSelector("#board [data-alert-id='" + alertId + "']")).isEmpty();
    }

    String status(String alertId) {
        return card(alertId).getAttribute("data-status");
    }

    int countdownSeconds(String alertId) {
        return Integer.parseInt(card(alertId).findElement(By.cssSelector(".countdown")).getAttribute("data-seconds"));
    }

    String text(String alertId, String selector) {
        return card(alertId).findElement(By.cssSelector(selector)).getText();
    }

    List<String> boardOrder() {
        return driver.findElements(By.cssSelector("#board .alert")).stream()
                .map(card -> card.getAttribute("data-alert-id")).toList();
    }

    void click(String alertId, String buttonSelector) {
        card(alertId).findElement(By.cssSelector(buttonSelector)).click();
    }

    void resolve(String alertId, String outcome, String note) {
        click(alertId, ".resolve");
        WebElement dialog = waitUntil(Duration.ofSeconds(5), d -> visible(By.id("resolve-dialog")));
        new Select(dialog.findElement(By.id("resolve-outcome"))).selectByValue(outcome);
        dialog.findElement(By.id("resolve-note")).sendKeys(note);
        dialog.findElement(By.id("resolve-confirm")).click();
    }

    /**
     * The history panel's entries as "sequence type actor", oldest first. Read in one script call: the panel is
     * re-rendered on every change of the alert, so elements looked up one by one can go stale between two reads.
     */
    @SuppressWarnings("unchecked")
    List<String> history() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('#history-list li')).map(li =>
                  li.dataset.sequence + ' ' + li.dataset.type + ' '
                  + (li.querySelector('.actor')?.textContent ?? '').trim().replace(/^by /, ''));""");
    }

    /** Every URL the page loaded or refers to: documents, scripts, styles, images, fetches and the stream. */
    @SuppressWarnings("unchecked")
    List<String> loadedUrls() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const urls = performance.getEntriesByType('navigation').map(e => e.name)
                  .concat(performance.getEntriesByType('resource').map(e => e.name));
                for (const el of document.querySelectorAll('script[src], img[src], iframe[src], audio[src], video[src]')) urls.push(el.src);
                for (const el of document.querySelectorAll('link[href]')) urls.push(el.href);
                return urls;""");
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NumberFormatException.class)
                .until(condition);
    }

    private WebElement visible(By by) {
        WebElement element = driver.findElement(by);
        return element.isDisplayed() ? element : null;
    }
}
