package com.lineguard.standalone.hostile;

import com.lineguard.standalone.Api;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated: for every call of API.md that changes something, a thousand requests that are invalid in
 * one way or another (malformed JSON, wrong types, out-of-range and huge values, unknown fields, wrong content type,
 * oversized bodies, bad ids), sent over HTTP to one Lineguard on PostgreSQL. Each must get a 4xx problem+json with a
 * {@code code}, never a 5xx, and must change nothing.
 */
class HostileInputTest {

    private static final int TRIES = 1000;

    private final HostileServer server = HostileServer.get();

    @Property(tries = TRIES)
    void an_invalid_emergency_is_refused_and_changes_nothing(@ForAll("emergencies") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_timer_is_refused_and_changes_nothing(@ForAll("timers") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.newTimerCrewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_extension_is_refused_and_changes_nothing(@ForAll("extensions") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_cancel_is_refused_and_changes_nothing(@ForAll("cancels") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_alert_location_is_refused_and_changes_nothing(@ForAll("alertLocations") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_crew_location_is_refused_and_changes_nothing(@ForAll("crewLocations") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_acknowledgement_is_refused_and_changes_nothing(@ForAll("acknowledgements") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.dispatcherToken);
    }

    @Property(tries = TRIES)
    void an_invalid_resolution_is_refused_and_changes_nothing(@ForAll("resolutions") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.dispatcherToken);
    }

    @Property(tries = TRIES)
    void an_invalid_outage_report_is_refused_and_changes_nothing(@ForAll("outageReports") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.dispatcherToken);
    }

    @Property(tries = TRIES)
    void an_invalid_assignment_is_refused_and_changes_nothing(@ForAll("assignments") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.dispatcherToken);
    }

    @Property(tries = TRIES)
    void an_invalid_outage_status_is_refused_and_changes_nothing(@ForAll("outageStatuses") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_etr_is_refused_and_changes_nothing(@ForAll("etrs") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_work_note_is_refused_and_changes_nothing(@ForAll("notes") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.crewToken);
    }

    @Property(tries = TRIES)
    void an_invalid_close_is_refused_and_changes_nothing(@ForAll("closes") HostileRequest request) {
        refusedAndNothingChanged(server.api, "POST", request, server.dispatcherToken);
    }

    @Property(tries = TRIES)
    void an_invalid_crew_registration_is_refused_and_changes_nothing(@ForAll("crews") HostileRequest request) {
        refusedAndNothingChanged(server.api, "PUT", request, server.adminToken);
    }

    @Property(tries = TRIES)
    void an_invalid_dev_token_request_is_refused(@ForAll("devTokens") HostileRequest request) {
        refusedAndNothingChanged(server.root, "POST", request, null);
    }

    private void refusedAndNothingChanged(Api api, String method, HostileRequest request, String token) {
        String before = server.state();

        Api.Response response = api.send(method, request.path(), token, request.contentType(), request.body());

        String seen = response.status() + " " + response.contentType() + " " + response.body();
        assertThat(response.status()).as(seen).isBetween(400, 499);
        if (request.expectedStatus() != 0) {
            assertThat(response.status()).as(seen).isEqualTo(request.expectedStatus());
        }
        assertThat(response.contentType()).as(seen).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(seen).isNotBlank();
        assertThat(response.json().path("status").asInt()).as(seen).isEqualTo(response.status());
        assertThat(server.state()).as("state after " + seen).isEqualTo(before);
    }

    @Provide
    Arbitrary<HostileRequest> emergencies() {
        return Calls.EMERGENCY.invalidRequests("/alerts/emergency");
    }

    @Provide
    Arbitrary<HostileRequest> timers() {
        return Calls.TIMER.invalidRequests("/alerts/timers");
    }

    @Provide
    Arbitrary<HostileRequest> extensions() {
        return Calls.on("/alerts/%s/extend", server.armedTimer, Calls.EXTEND);
    }

    @Provide
    Arbitrary<HostileRequest> cancels() {
        return Calls.on("/alerts/%s/cancel", server.armedTimer, Calls.CANCEL);
    }

    @Provide
    Arbitrary<HostileRequest> alertLocations() {
        return Calls.on("/alerts/%s/location", server.armedTimer, Calls.LOCATION);
    }

    @Provide
    Arbitrary<HostileRequest> crewLocations() {
        return Calls.CREW_LOCATION.invalidRequests("/crews/me/location");
    }

    @Provide
    Arbitrary<HostileRequest> acknowledgements() {
        return Calls.on("/alerts/%s/acknowledge", server.escalatedEmergency, Calls.ACKNOWLEDGE);
    }

    @Provide
    Arbitrary<HostileRequest> resolutions() {
        return Calls.on("/alerts/%s/resolve", server.escalatedEmergency, Calls.RESOLVE);
    }

    @Provide
    Arbitrary<HostileRequest> outageReports() {
        return Calls.REPORT_OUTAGE.invalidRequests("/outages");
    }

    @Provide
    Arbitrary<HostileRequest> assignments() {
        return Calls.on("/outages/%s/assign", server.reportedOutage, Calls.ASSIGN);
    }

    @Provide
    Arbitrary<HostileRequest> outageStatuses() {
        return Calls.on("/outages/%s/status", server.assignedOutage, Calls.OUTAGE_STATUS);
    }

    @Provide
    Arbitrary<HostileRequest> etrs() {
        return Calls.on("/outages/%s/etr", server.assignedOutage, Calls.ETR);
    }

    @Provide
    Arbitrary<HostileRequest> notes() {
        return Calls.on("/outages/%s/notes", server.assignedOutage, Calls.NOTE);
    }

    @Provide
    Arbitrary<HostileRequest> closes() {
        return Calls.on("/outages/%s/close", server.restoredOutage, Calls.CLOSE);
    }

    @Provide
    Arbitrary<HostileRequest> crews() {
        return Calls.CREW.invalidRequests("/crews/crew-hostile");
    }

    @Provide
    Arbitrary<HostileRequest> devTokens() {
        return Calls.DEV_TOKEN.invalidRequests("/dev/token");
    }
}
