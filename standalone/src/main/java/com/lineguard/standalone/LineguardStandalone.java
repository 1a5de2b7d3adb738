package com.lineguard.standalone;

import com.lineguard.standalone.cli.LineguardCli;
import com.lineguard.standalone.kafka.OwnKafkaBrokerLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Both sides in one process on one port, on the embedded default: the quickest way to run Lineguard. Without
 * {@code spring.kafka.bootstrap-servers} it also runs a Kafka broker of its own for the legacy bridge;
 * {@code watch <topic>}, {@code audit ...} and {@code replay ...} instead run a command-line tool
 * ({@link LineguardCli}).
 */
@SpringBootApplication(scanBasePackages = {"com.lineguard.platform", "com.lineguard.command", "com.lineguard.query",
        "com.lineguard.standalone"})
public class LineguardStandalone {

    public static void main(String[] args) {
        if (LineguardCli.isToolCall(args)) {
            LineguardCli.main(args);
            return;
        }
        SpringApplication application = new SpringApplication(LineguardStandalone.class);
        application.addListeners(new OwnKafkaBrokerLauncher());
        application.run(args);
    }
}
