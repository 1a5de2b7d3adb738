package com.lineguard.bench.lateness;

import org.quartz.utils.ConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Lets Quartz's JobStoreTX take connections from the bench's HikariCP pool. */
public class QuartzDataSourceProvider implements ConnectionProvider {

    static volatile DataSource dataSource;

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to the bench
    }

    @Override
    public void initialize() {
        if (dataSource == null) {
            throw new IllegalStateException("QuartzDataSourceProvider.dataSource not set");
        }
    }
}
