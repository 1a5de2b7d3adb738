package com.lineguard.command.alert;

import com.lineguard.contracts.alert.ResolutionOutcome;
import com.lineguard.contracts.geo.GeoLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** HTTP bodies of the alert calls (API.md "Safety alerts"). */
final class AlertRequests {

    private AlertRequests() {
    }

    record EmergencyRequest(@NotNull @Valid GeoLocation location, @Size(max = 500) String note) {
    }

    record TimerRequest(@NotNull @Positive Integer durationSeconds, @NotNull @Valid GeoLocation location,
                        @Size(max = 500) String note) {
    }

    record ExtendRequest(@NotNull @Positive Integer additionalSeconds) {
    }

    record CancelRequest(Boolean duress) {
    }

    record AcknowledgeRequest(@Size(max = 500) String note) {
    }

    record ResolveRequest(@NotNull ResolutionOutcome outcome, @Size(max = 500) String note) {
    }
}
