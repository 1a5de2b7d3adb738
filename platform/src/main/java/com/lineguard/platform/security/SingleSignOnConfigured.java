package com.lineguard.platform.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when an OpenID Connect client is configured ({@code spring.security.oauth2.client.registration.*}): the
 * console then signs users in through the identity provider, and the development sign-in is off.
 */
public class SingleSignOnConfigured implements Condition {

    static final String REGISTRATIONS = "spring.security.oauth2.client.registration";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    public static boolean in(Environment environment) {
        return Binder.get(environment).bind(REGISTRATIONS, Bindable.mapOf(String.class, String.class))
                .map(registrations -> !registrations.isEmpty())
                .orElse(false);
    }
}
