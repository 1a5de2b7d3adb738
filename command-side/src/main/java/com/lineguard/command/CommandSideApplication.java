package com.lineguard.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: aggregates, deadlines and the HTTP calls that change things. */
@SpringBootApplication(scanBasePackages = {"com.lineguard.platform", "com.lineguard.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
