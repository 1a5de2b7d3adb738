package com.lineguard.bench.alerts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The database the server uses, reached directly by JDBC for the ceiling and for reading stored events. */
record Database(String url, String user, String password) {

    Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    void execute(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
