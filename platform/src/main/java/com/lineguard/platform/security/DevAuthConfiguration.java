package com.lineguard.platform.security;

import com.nimbusds.jose.JOSEException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Path;

/**
 * {@code POST /dev/token} (API.md "Running and configuration"): only while {@code lineguard.dev-auth.enabled} is true,
 * and never when a real issuer, public key or OpenID Connect client is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DevAuthConfiguration.DevAuthEnabled.class)
public class DevAuthConfiguration {

    @Bean
    DevAuthentication devAuthentication(@Value("${lineguard.data-dir:./data}") Path dataDir) {
        return DevAuthentication.loadOrCreate(dataDir);
    }

    @Bean
    JwtDecoder devJwtDecoder(DevAuthentication devAuthentication) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(devAuthentication.publicKey().toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(DevAuthentication.ISSUER));
        return decoder;
    }

    public static class DevAuthEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return env.getProperty("lineguard.dev-auth.enabled", Boolean.class, false)
                    && !env.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                    && !env.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
                    && !SingleSignOnConfigured.in(env);
        }
    }
}
