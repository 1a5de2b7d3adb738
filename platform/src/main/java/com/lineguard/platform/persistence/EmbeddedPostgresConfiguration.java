package com.lineguard.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * The embedded default (ADR 0001): with no {@code spring.datasource.url}, Lineguard runs its own PostgreSQL in
 * {@code lineguard.data-dir}. Setting the url moves everything to that database instead.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(DataSourceProperties.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${lineguard.data-dir:./data}") Path dataDir) {
        return EmbeddedPostgresServer.start(dataDir);
    }

    /** Bound to {@code spring.datasource.hikari.*} like Spring Boot's own pool, so the shared defaults apply. */
    @Bean
    @ConfigurationProperties(prefix = "spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, DataSourceProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPoolName("lineguard-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
