package com.lineguard.platform.security;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The console's single sign-on, as a backend for frontend: OpenID Connect login ({@code oauth2Login}) against the
 * configured issuer, the tokens kept in the server's session, the browser holding only the session cookie. The
 * console's own API calls are authenticated by that session, with the roles from the ID token's roles claim
 * ({@code lineguard.security.roles-claim}) mapped exactly as the bearer-token chain maps them, so the console never
 * holds a role the user lacks. A session is ambient authority (the browser sends the cookie on its own), so every
 * POST needs the CSRF token; bearer-token clients never reach this chain (see {@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SingleSignOnConfigured.class)
public class ConsoleSessionSecurity {

    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/console/me"));

    @Bean
    @Order(2)
    SecurityFilterChain consoleSessionChain(HttpSecurity http, SecurityProperties properties, Problems problems,
                                            ClientRegistrationRepository clients) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(SecurityConfiguration.PUBLIC_PATHS).permitAll()
                        // The console's page itself: whoever opens it goes through the identity provider first.
                        .requestMatchers("/", "/index.html").authenticated()
                        .requestMatchers(API).authenticated()
                        // Scripts, styles, WebJars and /console/config: nothing in them is secret.
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesOf(properties.rolesClaim()))))
                .logout(out -> out.logoutSuccessHandler(logout))
                // An API call without a session is answered like one without a token, not redirected to a login page.
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> problems.write(response,
                                ErrorCode.UNAUTHENTICATED, "Sign in again: the session has ended."), API)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(response,
                                ErrorCode.FORBIDDEN, "Your role does not allow this call."), API));
        return http.build();
    }

    /** Only the roles in the roles claim: the provider's default authorities (OIDC_USER, SCOPE_*) grant nothing here. */
    static GrantedAuthoritiesMapper rolesOf(String rolesClaim) {
        return authorities -> {
            Map<String, Object> claims = new HashMap<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    claims.putAll(oidc.getIdToken().getClaims());
                    if (oidc.getUserInfo() != null) {
                        claims.putAll(oidc.getUserInfo().getClaims());
                    }
                }
            }
            return SecurityConfiguration.authoritiesFrom(claims.get(rolesClaim));
        };
    }
}
