package com.lineguard.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Settings every Lineguard process shares (JSON events, no Axon Server, ...), added with the lowest precedence so
 * that an application's own configuration, the environment and the command line can still override each of them.
 */
public class LineguardDefaults implements EnvironmentPostProcessor {

    private static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon reports usage to its vendor unless told not to; a control room's servers do not phone home.
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("lineguard-defaults", new ClassPathResource("lineguard-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
