package com.lineguard.standalone.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling of bench/public-outages: the cheapest answer this server can give on the same path prefix, filters and
 * security chain as the public outage calls. Exists only when {@code lineguard.bench.ceiling-endpoint} is true.
 */
@RestController
@ConditionalOnProperty(name = "lineguard.bench.ceiling-endpoint", havingValue = "true")
class CeilingController {

    private static final String BODY = "{\"ok\":true}";

    @GetMapping("/api/v1/public/bench/ceiling")
    ResponseEntity<String> ceiling() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BODY);
    }
}
