package com.lineguard.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Both sides in one process on one port, on the embedded default: the quickest way to run Lineguard. */
@SpringBootApplication(scanBasePackages = {"com.lineguard.platform", "com.lineguard.command", "com.lineguard.query",
        "com.lineguard.standalone"})
public class LineguardStandalone {

    public static void main(String[] args) {
        SpringApplication.run(LineguardStandalone.class, args);
    }
}
