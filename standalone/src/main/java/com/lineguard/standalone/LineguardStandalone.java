package com.lineguard.standalone;

import com.lineguard.standalone.cli.Cli;
import com.lineguard.standalone.kafka.OwnKafkaBrokerLauncher;
import com.lineguard.standalone.kafka.TopicWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * Both sides in one process on one port, on the embedded default: the quickest way to run Lineguard. Without
 * {@code spring.kafka.bootstrap-servers} it also runs a Kafka broker of its own for the legacy bridge;
 * {@code watch <topic>} instead prints a topic's messages, and {@code audit ...} and {@code replay ...} are the
 * command-line tools for auditors and operators (they call a running Lineguard's API).
 */
@SpringBootApplication(scanBasePackages = {"com.lineguard.platform", "com.lineguard.command", "com.lineguard.query",
        "com.lineguard.standalone"})
public class LineguardStandalone {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            Cli.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals(TopicWatch.COMMAND)) {
            TopicWatch.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication application = new SpringApplication(LineguardStandalone.class);
        application.addListeners(new OwnKafkaBrokerLauncher());
        application.run(args);
    }
}
