package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The alert flow on an external PostgreSQL (127.0.0.1:5432 in CI), set only through spring.datasource.*. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.timers.min-duration=PT1S")
class AlertFlowOnPostgresTest extends AlertFlowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }
}
