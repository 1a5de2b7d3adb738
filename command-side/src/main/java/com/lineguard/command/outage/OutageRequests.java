package com.lineguard.command.outage;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** A crew reports its progress: {@code EN_ROUTE}, {@code ON_SITE} or {@code RESTORED}, nothing else. */
    record StatusRequest(@NotNull OutageStatus status) {
        private static final Set<OutageStatus> REPORTED_BY_CREWS =
                EnumSet.of(OutageStatus.EN_ROUTE, OutageStatus.ON_SITE, OutageStatus.RESTORED);

        @AssertTrue(message = "must be EN_ROUTE, ON_SITE or RESTORED")
        boolean isStatusReportedByCrews() {
            return status == null || REPORTED_BY_CREWS.contains(status);
        }
    }

    record EtrRequest(@NotNull Instant estimatedRestorationAt, @Size(max = 500) String reason,
                      @DecimalMin("0.0") @DecimalMax("1.0") Double confidence) {
    }

    record NoteRequest(@NotNull @Size(min = 1, max = 2000) String text) {
    }

    /** {@code {}}: read all the same, so a malformed body or an unknown field is refused, not ignored. */
    record CloseRequest() {
    }
}
