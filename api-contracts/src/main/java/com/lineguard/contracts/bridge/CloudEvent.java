package com.lineguard.contracts.bridge;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode (BRIDGE.md), the envelope of every message on the legacy bridge.
 * {@code subject} is the aggregate id, which is also the Kafka record key.
 */
public record CloudEvent(String specversion, String id, String source, String type, Instant time, String subject,
                        Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    public static CloudEvent of(String id, String source, String type, Instant time, String subject, Object data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, time, subject, data);
    }
}
