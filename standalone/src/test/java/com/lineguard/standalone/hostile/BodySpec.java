package com.lineguard.standalone.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of one call: a valid example and its fields with the values each must refuse. From it come requests that
 * are invalid in every way a client can get a body wrong: one field spoiled, a required one missing, an unknown one
 * added, the JSON cut off or followed by garbage, not JSON at all, the wrong content type, or too large.
 */
record BodySpec(ObjectNode valid, List<Field> fields) {

    /** {@code invalid} are values this field must refuse; a {@code required} field must not be left out either. */
    record Field(String name, boolean required, Arbitrary<JsonNode> invalid) {
    }

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static BodySpec of(ObjectNode valid, Field... fields) {
        return new BodySpec(valid, List.of(fields));
    }

    static Field required(String name, Arbitrary<JsonNode> invalid) {
        return new Field(name, true, invalid);
    }

    static Field optional(String name, Arbitrary<JsonNode> invalid) {
        return new Field(name, false, invalid);
    }

    /** As a field of another body: objects with one thing wrong, or no object at all. */
    Arbitrary<JsonNode> asInvalidField() {
        return Arbitraries.oneOf(spoiledObjects(), InvalidValues.notAnObject());
    }

    /** Every kind of invalid body for {@code path}, each with the status it must get (0: any 4xx). */
    Arbitrary<HostileRequest> invalidRequests(String path) {
        String validText = valid.toString();
        return Arbitraries.frequencyOf(
                Tuple.of(12, spoiledObjects().map(body -> request("spoiled field", path, body.toString()))),
                Tuple.of(2, truncated(validText).map(body -> request("cut off", path, body))),
                Tuple.of(2, trailingGarbage(validText).map(body -> request("trailing garbage", path, body))),
                Tuple.of(2, notJson().map(body -> request("not JSON", path, body))),
                Tuple.of(2, otherJsonThanAnObject(validText).map(body -> request("not an object", path, body))),
                Tuple.of(1, wrongContentType(path, validText)),
                Tuple.of(1, oversized(path, validText)));
    }

    private Arbitrary<JsonNode> spoiledObjects() {
        List<Arbitrary<JsonNode>> spoilers = new ArrayList<>();
        for (Field field : fields) {
            spoilers.add(field.invalid().map(value -> with(field.name(), value)));
            if (field.required()) {
                spoilers.add(Arbitraries.just(without(field.name())));
            }
        }
        spoilers.add(unknownMember());
        return Arbitraries.oneOf(spoilers);
    }

    private ObjectNode with(String name, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(name, value);
        return copy;
    }

    private JsonNode without(String name) {
        ObjectNode copy = valid.deepCopy();
        copy.remove(name);
        return copy;
    }

    /** {@code fail-on-unknown-properties}: a misspelt or invented field is an error, not silently dropped. */
    private Arbitrary<JsonNode> unknownMember() {
        List<String> known = fields.stream().map(Field::name).toList();
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .filter(name -> !known.contains(name));
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.of(valid.deepCopy(), valid.nullNode(), valid.booleanNode(true), valid.numberNode(1)),
                InvalidValues.word().map(valid::textNode));
        return names.flatMap(name -> values.map(value -> with(name, value)));
    }

    /** Every proper prefix of a compact JSON object is incomplete JSON. */
    private static Arbitrary<String> truncated(String json) {
        return Arbitraries.integers().between(1, json.length() - 1).map(end -> json.substring(0, end));
    }

    private static Arbitrary<String> trailingGarbage(String json) {
        return Arbitraries.oneOf(Arbitraries.of("}", "]", ",", "{}", "[]", "1", "\"a\"", "null", ",{}"),
                InvalidValues.word()).map(garbage -> json + garbage);
    }

    /** Random text that no JSON parser would take (and not blank, which means "no body" to an optional one). */
    private static Arbitrary<String> notJson() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\u00e9', '\u4e2d', '\u0000', '\n')
                .ofMinLength(1).ofMaxLength(200)
                .filter(text -> !text.isBlank() && !isJson(text));
    }

    /** JSON, but not an object; never {@code null}, which to an optional body means "no body". */
    private static Arbitrary<String> otherJsonThanAnObject(String json) {
        return Arbitraries.of("[]", "[" + json + "]", "\"" + json.replace("\"", "\\\"") + "\"", "42", "-1.5e3",
                "true", "false", "\"\"", "[null]");
    }

    private static Arbitrary<HostileRequest> wrongContentType(String path, String json) {
        return Arbitraries.of("text/plain", "application/xml", "application/octet-stream",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "")
                .map(type -> new HostileRequest("wrong content type", path, type.isEmpty() ? null : type, json, 415));
    }

    /** Valid JSON padded with whitespace past the limit: only the size can refuse it. */
    private static Arbitrary<HostileRequest> oversized(String path, String json) {
        return Arbitraries.integers().between(MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES)
                .map(size -> new HostileRequest("oversized", path, HostileRequest.JSON,
                        "{" + " ".repeat(Math.max(0, size - json.length())) + json.substring(1), 413));
    }

    private static HostileRequest request(String what, String path, String body) {
        return new HostileRequest(what, path, HostileRequest.JSON, body, 0);
    }

    private static boolean isJson(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
