package com.lineguard.standalone;

import com.lineguard.platform.testing.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The alert flow on the embedded default: no datasource configured, PostgreSQL started in the data dir. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.timers.min-duration=PT1S")
class AlertFlowOnEmbeddedDefaultTest extends AlertFlowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedDefault(registry);
    }
}
