package com.lineguard.standalone.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.lineguard.standalone.hostile.BodySpec.optional;
import static com.lineguard.standalone.hostile.BodySpec.required;
import static com.lineguard.standalone.hostile.InvalidValues.nearFutureInstant;
import static com.lineguard.standalone.hostile.InvalidValues.integer;
import static com.lineguard.standalone.hostile.InvalidValues.list;
import static com.lineguard.standalone.hostile.InvalidValues.names;
import static com.lineguard.standalone.hostile.InvalidValues.number;
import static com.lineguard.standalone.hostile.InvalidValues.oneOf;
import static com.lineguard.standalone.hostile.InvalidValues.optionalBoolean;
import static com.lineguard.standalone.hostile.InvalidValues.optionalNonNegativeNumber;
import static com.lineguard.standalone.hostile.InvalidValues.optionalRecentInstant;
import static com.lineguard.standalone.hostile.InvalidValues.text;

/** The bodies of API.md's calls that change something, as {@link BodySpec}s: a valid example and what each field refuses. */
final class Calls {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.now();

    private Calls() {
    }

    static ObjectNode validLocation() {
        return JSON.objectNode().put("lat", 52.1).put("lon", 4.3).put("accuracyM", 12.0);
    }

    static final BodySpec LOCATION = BodySpec.of(validLocation(),
            required("lat", number(-90, 90)),
            required("lon", number(-180, 180)),
            optional("accuracyM", optionalNonNegativeNumber()));

    /** A location, plus the device's time of the fix; left out of the example so that a slipped report moves it. */
    static final BodySpec CREW_LOCATION = BodySpec.of(validLocation(),
            required("lat", number(-90, 90)),
            required("lon", number(-180, 180)),
            optional("accuracyM", optionalNonNegativeNumber()),
            optional("recordedAt", optionalRecentInstant(NOW)));

    static final BodySpec EMERGENCY = BodySpec.of(
            JSON.objectNode().<ObjectNode>set("location", validLocation()).put("note", "fell from the pole"),
            required("location", LOCATION.asInvalidField()),
            optional("note", note()));

    static final BodySpec TIMER = BodySpec.of(
            JSON.objectNode().put("durationSeconds", 600).<ObjectNode>set("location", validLocation())
                    .put("note", "substation 4"),
            required("durationSeconds", integer(60, 43_200)),
            required("location", LOCATION.asInvalidField()),
            optional("note", note()));

    /** More than 12 hours on top of a timer due in one is always past the maximum. */
    static final BodySpec EXTEND = BodySpec.of(JSON.objectNode().put("additionalSeconds", 60),
            required("additionalSeconds", integer(1, 43_200)));

    static final BodySpec CANCEL = BodySpec.of(JSON.objectNode().put("duress", false),
            optional("duress", optionalBoolean()));

    static final BodySpec ACKNOWLEDGE = BodySpec.of(JSON.objectNode().put("note", "on it"),
            optional("note", note()));

    static final BodySpec RESOLVE = BodySpec.of(JSON.objectNode().put("outcome", "ASSISTED").put("note", "crew safe"),
            required("outcome", oneOf(names("FALSE_ALARM", "ASSISTED", "OTHER"), "RESOLVED", "CANCELLED")),
            optional("note", note()));

    static final BodySpec REPORT_OUTAGE = BodySpec.of(
            JSON.objectNode().put("deviceId", "XFMR-77").<ObjectNode>set("location", validLocation())
                    .put("customersAffected", 240).put("cause", "storm")
                    .<ObjectNode>set("requiredSkills", JSON.arrayNode().add("LINE")).put("externalRef", "OMS-1"),
            required("deviceId", text(1, 200, true, true)),
            required("location", LOCATION.asInvalidField()),
            required("customersAffected", integer(0, Integer.MAX_VALUE)),
            optional("cause", text(0, 500, false, false)),
            optional("requiredSkills", list(50, 100, false)),
            optional("externalRef", text(1, 200, false, false)));

    static final BodySpec ASSIGN = BodySpec.of(JSON.objectNode().put("crewId", "crew-7"),
            required("crewId", text(1, 255, true, true)));

    /** The crew's statuses; the others of the type (REPORTED, ASSIGNED, CLOSED) are not theirs to set. */
    static final BodySpec OUTAGE_STATUS = BodySpec.of(JSON.objectNode().put("status", "EN_ROUTE"),
            required("status", oneOf(names("EN_ROUTE", "ON_SITE", "RESTORED"), "REPORTED", "ASSIGNED", "CLOSED")));

    static final BodySpec ETR = BodySpec.of(
            JSON.objectNode().put("estimatedRestorationAt", NOW.plus(Duration.ofHours(3)).toString())
                    .put("reason", "pole down"),
            required("estimatedRestorationAt", nearFutureInstant(NOW)),
            optional("reason", text(0, 500, false, false)));

    static final BodySpec NOTE = BodySpec.of(JSON.objectNode().put("text", "tree on the line"),
            required("text", text(1, 2_000, false, true)));

    static final BodySpec CLOSE = BodySpec.of(JSON.objectNode());

    static final BodySpec CREW = BodySpec.of(
            JSON.objectNode().put("name", "Line crew 7").<ObjectNode>set("skills", JSON.arrayNode().add("LINE")),
            required("name", text(1, 200, true, true)),
            required("skills", list(50, 100, true)));

    static final BodySpec DEV_TOKEN = BodySpec.of(
            JSON.objectNode().put("sub", "crew-7").<ObjectNode>set("roles", JSON.arrayNode().add("crew")),
            required("sub", text(1, 255, true, true)),
            required("roles", list(4, 0, true)));

    /**
     * A call on one alert or outage: invalid bodies on the real one, and valid bodies on an id that is not one
     * (404) or not even a UUID (400).
     */
    static Arbitrary<HostileRequest> on(String pathTemplate, String realId, BodySpec body) {
        String validBody = body.valid().toString();
        return Arbitraries.frequencyOf(
                Tuple.of(8, body.invalidRequests(pathTemplate.formatted(realId))),
                Tuple.of(1, Arbitraries.create(UUID::randomUUID).map(id ->
                        new HostileRequest("unknown id", pathTemplate.formatted(id), HostileRequest.JSON, validBody, 404))),
                Tuple.of(1, notAnId().map(id ->
                        new HostileRequest("not an id", pathTemplate.formatted(id), HostileRequest.JSON, validBody, 0))));
    }

    /** Path segments that are no UUID; "x" first keeps them from ever reading as one. */
    private static Arbitrary<String> notAnId() {
        return Arbitraries.oneOf(InvalidValues.word(),
                Arbitraries.of(List.of("0", "-1", "null", "%20", "%2F", "%25", "%00", "..", "x;y", "%E2%80%AE",
                        "00000000-0000-0000-0000-00000000000g", "0".repeat(300))));
    }

    private static Arbitrary<JsonNode> note() {
        return text(0, 500, false, false);
    }
}
