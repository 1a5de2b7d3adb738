package com.lineguard.platform.security;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.platform.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * OAuth2 resource server (API.md "Identity"). Authentication happens here; which role may call what is declared
 * on each controller with {@code @PreAuthorize}, next to the call it guards. Where the console signs in with OpenID
 * Connect, this stateless chain takes only the requests that carry an {@code Authorization} header, and
 * {@link ConsoleSessionSecurity} the console's session requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
            "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/api/v1/public/**", "/dev/token"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, Problems problems,
                                    Environment environment) throws Exception {
        if (SingleSignOnConfigured.in(environment)) {
            // Requests without a bearer token are the console's, authenticated by its session (ConsoleSessionSecurity).
            http.securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null);
        }
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter(properties.rolesClaim())))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, ErrorCode.FORBIDDEN, "Your role does not allow this call.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, ErrorCode.FORBIDDEN, "Your role does not allow this call.")));
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesConverter(String rolesClaim) {
        return jwt -> new JwtAuthenticationToken(jwt, authoritiesFrom(jwt.getClaims().get(rolesClaim)), jwt.getSubject());
    }

    /** The authorities for a roles claim (an array of role names); names that are no {@link Role} grant nothing. */
    static Collection<GrantedAuthority> authoritiesFrom(Object rolesClaim) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (rolesClaim instanceof Collection<?> values) {
            for (Object value : values) {
                for (Role role : Role.values()) {
                    if (role.claimValue().equals(String.valueOf(value))) {
                        authorities.add(new SimpleGrantedAuthority(role.authority()));
                    }
                }
            }
        }
        return authorities;
    }

    /**
     * Spring Security would otherwise wrap each of its filters, the authentication and every authorization check in
     * an observation: about a tenth of a command's CPU, for metrics nobody reads (the request itself is still
     * measured as {@code http.server.requests}). docs/performance.md, "Where the CPU goes".
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    FreshSignInPolicy freshSignInPolicy(SecurityProperties properties) {
        return new FreshSignInPolicy(properties.reauthMaxAge());
    }

    @Bean
    WebMvcConfigurer actorResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }

}
