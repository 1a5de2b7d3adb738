package com.lineguard.query.outage;

import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.outage.OutageView;

import java.time.Instant;
import java.util.UUID;

/** What a customer may see of an outage: no crew identities, no device ids, no exact location. */
public record PublicOutageView(UUID outageId, OutageStatus status, int customersAffected,
                               Instant estimatedRestorationAt, String cause, Instant updatedAt) {

    public static PublicOutageView of(OutageView view) {
        return new PublicOutageView(view.outageId(), view.status(), view.customersAffected(),
                view.estimatedRestorationAt(), view.cause(), view.updatedAt());
    }
}
