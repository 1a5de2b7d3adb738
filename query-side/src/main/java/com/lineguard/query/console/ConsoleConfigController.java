package com.lineguard.query.console;

import com.lineguard.platform.security.DevAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/config}: what the dispatcher console (static files at {@code /}) needs to know before anyone
 * signs in. Public on purpose: it names no user and no alert, only how to sign in and where map tiles come from.
 * <ul>
 *     <li>{@code tileUrl}: {@code lineguard.console.tile-url}, a Leaflet URL template such as
 *     {@code https://tiles.example.internal/{z}/{x}/{y}.png}. Empty by default: a control room may have no internet,
 *     and the map then shows its markers on a plain background.</li>
 *     <li>{@code devSignIn}: true only where {@code POST /dev/token} exists (standalone, no real identity provider).</li>
 *     <li>{@code singleSignOn}: true where the console signs in with OpenID Connect
 *     ({@code spring.security.oauth2.client.registration.*}); the user is then in {@code GET /console/me}.</li>
 * </ul>
 */
@RestController
class ConsoleConfigController {

    record ConsoleConfig(String tileUrl, String tileAttribution, boolean devSignIn, boolean singleSignOn) {
    }

    private final ConsoleConfig config;

    ConsoleConfigController(@Value("${lineguard.console.tile-url:}") String tileUrl,
                            @Value("${lineguard.console.tile-attribution:}") String tileAttribution,
                            ObjectProvider<DevAuthentication> devAuthentication,
                            ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        this.config = new ConsoleConfig(tileUrl, tileAttribution, devAuthentication.getIfAvailable() != null,
                singleSignOn.getIfAvailable() != null);
    }

    @GetMapping("/console/config")
    ConsoleConfig config() {
        return config;
    }
}
