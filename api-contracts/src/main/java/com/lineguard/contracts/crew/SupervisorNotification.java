package com.lineguard.contracts.crew;

import java.util.UUID;

/**
 * An event that supervisors (users with role {@code dispatcher}) must hear about even when no console is open: they
 * see it on {@code /stream/dispatch}, and the push gateway gets it on {@code crew-notifications.v1} as
 * {@code lineguard.crew.<kind>}, to page the supervisors on call.
 */
public interface SupervisorNotification {

    /** {@code alert-overdue}. */
    String notificationKind();

    /** The alert it concerns. */
    UUID subjectId();
}
