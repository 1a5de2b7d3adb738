package com.lineguard.command.outage;

import java.util.Optional;
import java.util.UUID;

/** One outage per legacy {@code externalRef}, across all nodes; {@link ExternalReferences} keeps it. */
public interface OutageReferences {

    /** The outage that holds {@code externalRef}: {@code outageId} when this claim is the first, the earlier one otherwise. */
    UUID claim(String externalRef, UUID outageId);

    Optional<UUID> find(String externalRef);
}
