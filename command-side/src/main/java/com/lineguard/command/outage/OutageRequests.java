package com.lineguard.command.outage;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** HTTP bodies of the outage calls (API.md "Outages"). */
final class OutageRequests {

    private OutageRequests() {
    }

    record ReportRequest(@NotBlank @Size(max = 200) String deviceId, @NotNull @Valid GeoLocation location,
                         @NotNull @PositiveOrZero Integer customersAffected, @Size(max = 500) String cause,
                         @Size(max = 50) List<@NotBlank @Size(max = 100) String> requiredSkills,
                         @Size(min = 1, max = 200) String externalRef) {
    }

    record AssignRequest(@NotBlank @Size(max = 255) String crewId) {
    }

    record StatusRequest(@NotNull OutageStatus status) {
    }

    record EtrRequest(@NotNull Instant estimatedRestorationAt, @Size(max = 500) String reason) {
    }

    record NoteRequest(@NotNull @Size(min = 1, max = 2000) String text) {
    }

    /** {@code {}}: read all the same, so a malformed body or an unknown field is refused, not ignored. */
    record CloseRequest() {
    }
}
