package com.lineguard.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone: projections, read models, HTTP queries and live streams. */
@SpringBootApplication(scanBasePackages = {"com.lineguard.platform", "com.lineguard.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
