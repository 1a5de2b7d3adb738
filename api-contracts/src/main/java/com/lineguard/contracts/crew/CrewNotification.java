package com.lineguard.contracts.crew;

import java.util.List;
import java.util.UUID;

/**
 * An event that tells crew members' phones something (API.md "Live streams for apps"): it reaches them on
 * {@code /stream/crew} and, for phones not connected, on {@code crew-notifications.v1} as
 * {@code lineguard.crew.<kind>}.
 */
public interface CrewNotification {

    /** {@code nearby-emergency}, {@code timer-expiring}, {@code stand-down}, {@code assignment}, {@code etr-changed}. */
    String notificationKind();

    /** The crew members to tell. */
    List<String> recipients();

    /** The alert or outage it concerns. */
    UUID subjectId();
}
