package com.lineguard.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Lets a controller take the current {@link Actor} as a parameter. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                 NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }

    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AuthenticationCredentialsNotFoundException("no bearer token");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()))) {
                roles.add(role);
            }
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) { // a bearer token
            Instant authTime = jwt.hasClaim("auth_time") ? jwt.getClaimAsInstant("auth_time") : null;
            return new Actor(jwt.getSubject(), roles, authTime);
        }
        if (authentication.getPrincipal() instanceof OidcUser user) { // the console's single sign-on session
            return new Actor(user.getSubject(), roles, user.getAuthenticatedAt());
        }
        throw new AuthenticationCredentialsNotFoundException("no bearer token or sign-in session");
    }
}
