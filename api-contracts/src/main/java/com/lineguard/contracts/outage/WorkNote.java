package com.lineguard.contracts.outage;

import java.time.Instant;

/** One entry of an outage's work log. */
public record WorkNote(String author, Instant at, String text) {
}
