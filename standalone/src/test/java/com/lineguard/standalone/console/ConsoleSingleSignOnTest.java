package com.lineguard.standalone.console;

import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.standalone.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's single sign-on in a real browser: OpenID Connect against {@link TestIssuer}, a provider running in
 * this test, with the server keeping the session (no token in the page) and bearer-token clients still working
 * beside it. The development sign-in is off, as it is wherever a client registration is configured.
 */
@ExtendWith(Chromium.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSingleSignOnTest {

    static final TestIssuer ISSUER = TestIssuer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
        // What an operator sets (docs/operations.md): the console's client and the API's issuer, the same provider.
        registry.add("spring.security.oauth2.client.registration.corporate.client-id", () -> TestIssuer.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.corporate.client-secret", () -> TestIssuer.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.corporate.scope", () -> "openid");
        registry.add("spring.security.oauth2.client.provider.corporate.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;
    ConsolePage console;
    Api api;
    String origin;

    @BeforeEach
    void setUp() {
        origin = "http://localhost:" + port;
        api = new Api(origin + "/api/v1");
        driver = Chromium.start();
        console = new ConsolePage(driver, origin);
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aDispatcherSignsInAtTheIdentityProviderAndWorksTheBoardOnTheSessionAlone() {
        signInAtTheIssuer("dispatcher-sso", "dispatcher");
        console.waitUntil(Duration.ofSeconds(10), d -> "live".equals(console.connectionState()));
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("dispatcher-sso (dispatcher)");

        // A crew app with the provider's bearer token, beside the console's session: stateless, no cookie.
        Api.Response raised = api.post("/alerts/emergency", ISSUER.accessToken("crew-sso", "crew"),
                "{\"location\":" + Api.location(52.1, 4.3) + ",\"note\":\"single sign-on test\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.headers()).doesNotContainKey("set-cookie");
        String alertId = raised.json().get("alertId").asText();

        console.waitUntil(Duration.ofSeconds(5), d -> console.hasCard(alertId));
        console.click(alertId, ".ack"); // a POST on the session, with the CSRF token
        console.waitUntil(Duration.ofSeconds(5), d -> "ACKNOWLEDGED".equals(console.status(alertId)));
        assertThat(console.text(alertId, ".ack-by")).isEqualTo("Acknowledged by dispatcher-sso");

        // The page holds no token: nothing stored, and the session cookie is out of the script's reach (HttpOnly).
        JavascriptExecutor page = driver;
        assertThat(page.executeScript("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat((String) page.executeScript("return document.cookie")).doesNotContain("JSESSIONID");
        // A session POST without the CSRF token (what a forged cross-site request would be) is refused.
        Object forged = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/alerts/%s/resolve', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({outcome: 'OTHER'})}).then(r => done(r.status));""".formatted(alertId));
        assertThat(forged).isEqualTo(403L);
        assertThat(console.status(alertId)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aUserWithoutTheDispatcherRoleSeesNoBoardAndTheConsoleHoldsNoOtherRole() {
        signInAtTheIssuer("crew-sso-2", "crew");
        console.waitUntil(Duration.ofSeconds(10), d -> "offline".equals(console.connectionState()));
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("crew-sso-2 (crew)");
        assertThat(driver.findElement(By.id("board-error")).getText()).contains("role dispatcher");
        assertThat(driver.findElements(By.cssSelector("#board .alert"))).isEmpty();
        assertThat(driver.findElement(By.id("report")).isDisplayed()).isFalse();
    }

    @Test
    void withoutASessionTheApiAnswers401AndTheDevelopmentSignInIsOff() {
        Api.Response unauthenticated = api.get("/alerts?status=ACTIVE", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.code()).isEqualTo("UNAUTHENTICATED");
        Api.Response config = new Api(origin).get("/console/config", null);
        assertThat(config.json().path("singleSignOn").asBoolean()).isTrue();
        assertThat(config.json().path("devSignIn").asBoolean()).isFalse();
    }

    /** Opens the console, is sent to the provider's sign-in form, fills it in and comes back signed in. */
    private void signInAtTheIssuer(String user, String roles) {
        driver.get(origin + "/");
        console.waitUntil(Duration.ofSeconds(10), d -> d.getCurrentUrl().startsWith(ISSUER.issuer() + "/authorize"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("roles")).sendKeys(roles);
        driver.findElement(By.id("sign-in")).click();
        console.waitUntil(Duration.ofSeconds(10), d -> d.getCurrentUrl().startsWith(origin + "/"));
    }
}
