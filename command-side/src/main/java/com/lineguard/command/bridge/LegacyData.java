package com.lineguard.command.bridge;

import com.lineguard.contracts.geo.GeoLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code data} of each inbound message type (BRIDGE.md "Inbound"), with the rules it must meet. */
final class LegacyData {

    private LegacyData() {
    }

    record AlertAcknowledged(@NotNull UUID alertId, @NotBlank @Size(max = 200) String by,
                             @Size(max = 2000) String note) {
    }

    record OutageReported(@NotBlank @Size(max = 255) String externalRef, @NotBlank @Size(max = 255) String deviceId,
                          @NotNull @Valid GeoLocation location, @NotNull @PositiveOrZero Integer customersAffected,
                          @Size(max = 2000) String cause, @Size(max = 50) List<@NotBlank String> requiredSkills) {
    }

    /** The legacy side names an outage by our id or by its own reference. */
    interface NamesAnOutage {
        UUID outageId();

        String externalRef();

        @AssertTrue(message = "must name the outage by outageId or externalRef")
        default boolean isOutageNamed() {
            return outageId() != null || (externalRef() != null && !externalRef().isBlank());
        }
    }

    record EtrPredicted(UUID outageId, @Size(max = 255) String externalRef, @NotNull Instant estimatedRestorationAt,
                        @Size(max = 2000) String reason, @DecimalMin("0.0") @DecimalMax("1.0") Double confidence)
            implements NamesAnOutage {
    }

    record OutageRestored(UUID outageId, @Size(max = 255) String externalRef) implements NamesAnOutage {
    }
}
