package com.lineguard.contracts.bridge;

/** The Kafka topics of BRIDGE.md; their names are part of the contract with the legacy back office. */
public final class BridgeTopics {

    public static final String SAFETY_ALERTS = "safety.alerts.v1";
    public static final String OUTAGES = "outages.v1";
    public static final String CUSTOMER_NOTIFICATIONS = "customer-notifications.v1";
    public static final String CREW_NOTIFICATIONS = "crew-notifications.v1";
    public static final String LEGACY_COMMANDS = "legacy.commands.v1";
    public static final String LEGACY_COMMANDS_DLQ = "legacy.commands.v1.dlq";

    /** Headers of a message parked on {@link #LEGACY_COMMANDS_DLQ}: why it could not be applied. */
    public static final String ERROR_CODE_HEADER = "lineguard-error-code";
    public static final String ERROR_DETAIL_HEADER = "lineguard-error-detail";

    private BridgeTopics() {
    }
}
