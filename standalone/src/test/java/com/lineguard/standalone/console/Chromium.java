package com.lineguard.standalone.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded at test time (no Selenium
 * Manager, no browser download). Without them the browser tests are skipped with a message on a laptop, but fail in
 * CI ({@code CI=true}), where {@code .ci/run} installs them.
 */
final class Chromium {

    static final String BROWSER = System.getenv().getOrDefault("LINEGUARD_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("LINEGUARD_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * On a test class: skips it, reported as skipped with the reason, when Chromium is missing, before the Spring
     * context (and its database) is started; with {@code CI=true} fails it instead.
     */
    static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missing();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }

    private static String missing() {
        if (new File(BROWSER).canExecute() && new File(DRIVER).canExecute()) {
            return null;
        }
        return "No Chromium at " + BROWSER + " or no chromedriver at " + DRIVER + ": skipping the console's browser "
                + "tests (Debian: apt-get install -y chromium chromium-driver).";
    }

    static void require() {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
    }

    static ChromeDriver start() {
        require();
        Path profile;
        try {
            profile = Files.createTempDirectory("lineguard-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1600,1000",
                // The sound toggle plays without a user gesture check in tests.
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.manage().window().setSize(new Dimension(1600, 1000));
        return driver;
    }
}
