package com.lineguard.standalone.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * JSON values that a field of a given kind must refuse. Only values that are invalid beyond doubt: Jackson's
 * leniencies (a number given as a numeric string, {@code 600.0} for an int, {@code ""} for an optional number, a
 * number for a string) read as valid values, so they are left out rather than counted as attacks.
 */
final class InvalidValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal BEYOND_DOUBLE = new BigDecimal("1e400");

    private InvalidValues() {
    }

    /** A required decimal outside {@code min..max}, huge, or not a number at all. */
    static Arbitrary<JsonNode> number(double min, double max) {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(max, false, 1e308, true).map(JSON::numberNode),
                Arbitraries.doubles().between(-1e308, true, min, false).map(JSON::numberNode),
                Arbitraries.of(BEYOND_DOUBLE, BEYOND_DOUBLE.negate(), new BigDecimal("1e309")).map(JSON::numberNode),
                hugeIntegers(),
                Arbitraries.of(JSON.nullNode()),
                notANumber());
    }

    /** An optional decimal below zero, or not a number. */
    static Arbitrary<JsonNode> optionalNonNegativeNumber() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e308, true, -0.01, true).map(JSON::numberNode),
                Arbitraries.of(BEYOND_DOUBLE.negate()).map(JSON::numberNode),
                Arbitraries.longs().lessOrEqual(-1).map(JSON::numberNode),
                notANumber());
    }

    /** A required whole number outside {@code min..max}, beyond an int, or not a number. */
    static Arbitrary<JsonNode> integer(int min, int max) {
        List<Arbitrary<JsonNode>> invalid = new ArrayList<>(List.of(
                Arbitraries.longs().between(Integer.MIN_VALUE, min - 1L).map(JSON::numberNode),
                hugeIntegers(),
                Arbitraries.of(new BigDecimal("1e40"), new BigDecimal("-1e40")).map(JSON::numberNode),
                Arbitraries.of(JSON.nullNode()),
                notANumber()));
        if (max < Integer.MAX_VALUE) {
            invalid.add(Arbitraries.longs().between(max + 1L, Integer.MAX_VALUE).map(JSON::numberNode));
        }
        return Arbitraries.oneOf(invalid);
    }

    /** A string longer than {@code maxLength}, blank when it must not be, null or missing when required. */
    static Arbitrary<JsonNode> text(int minLength, int maxLength, boolean notBlank, boolean required) {
        List<Arbitrary<JsonNode>> invalid = new ArrayList<>(List.of(tooLong(maxLength), notAString()));
        if (notBlank) {
            invalid.add(blank());
        } else if (minLength > 0) {
            invalid.add(Arbitraries.of(JSON.textNode("")));
        }
        if (required) {
            invalid.add(Arbitraries.of(JSON.nullNode()));
        }
        return Arbitraries.oneOf(invalid);
    }

    /** A required enum value outside {@code allowed}: other names, other cases, numbers, garbage (Jackson trims). */
    static Arbitrary<JsonNode> oneOf(Set<String> allowed, String... otherNamesOfTheType) {
        return Arbitraries.oneOf(
                Arbitraries.of(otherNamesOfTheType.length == 0 ? new String[]{"UNKNOWN"} : otherNamesOfTheType)
                        .map(JSON::textNode),
                Arbitraries.of(allowed).map(name -> JSON.textNode(name.toLowerCase())),
                Arbitraries.integers().between(-1, 5).map(JSON::numberNode),
                Arbitraries.integers().between(0, 5).map(i -> JSON.textNode(String.valueOf(i))),
                word().map(JSON::textNode),
                Arbitraries.of(JSON.nullNode(), JSON.textNode("")),
                Arbitraries.of(JSON.booleanNode(true)),
                objectsAndArrays());
    }

    /** An optional flag given as something other than a boolean. */
    static Arbitrary<JsonNode> optionalBoolean() {
        return Arbitraries.oneOf(word().map(JSON::textNode), objectsAndArrays());
    }

    /** An instant that must lie in the future, at most a year ahead: past, far future, malformed, wrong types. */
    static Arbitrary<JsonNode> nearFutureInstant(Instant now) {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, now.minus(Duration.ofHours(1)).getEpochSecond())
                        .map(s -> JSON.textNode(Instant.ofEpochSecond(s).toString())),
                Arbitraries.longs().between(-1_000_000_000_000L, now.minus(Duration.ofHours(1)).getEpochSecond())
                        .map(JSON::numberNode),
                Arbitraries.longs().between(now.plus(Duration.ofDays(400)).getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(s -> JSON.textNode(Instant.ofEpochSecond(s).toString())),
                Arbitraries.of(JSON.nullNode()),
                malformedInstant());
    }

    /** An optional instant of the last few days (a fix's time): future, long past, malformed, wrong types. */
    static Arbitrary<JsonNode> optionalRecentInstant(Instant now) {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(now.plus(Duration.ofMinutes(10)).getEpochSecond(),
                                Instant.MAX.getEpochSecond())
                        .map(s -> JSON.textNode(Instant.ofEpochSecond(s).toString())),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), now.minus(Duration.ofDays(8)).getEpochSecond())
                        .map(s -> JSON.textNode(Instant.ofEpochSecond(s).toString())),
                malformedInstant());
    }

    /** A list of at most {@code maxItems} non-blank strings (of at most {@code maxLength} when above 0), spoiled. */
    static Arbitrary<JsonNode> list(int maxItems, int maxLength, boolean required) {
        Arbitrary<JsonNode> tooMany = Arbitraries.integers().between(maxItems + 1, maxItems + 40)
                .map(n -> array(Collections.nCopies(n, JSON.textNode("LINE"))));
        List<Arbitrary<JsonNode>> badItems = new ArrayList<>(List.of(blank(), objectsAndArrays(),
                Arbitraries.of(JSON.nullNode())));
        if (maxLength > 0) {
            badItems.add(tooLong(maxLength));
        }
        Arbitrary<JsonNode> badItem = Arbitraries.oneOf(badItems)
                .map(item -> array(List.of(JSON.textNode("LINE"), item)));
        Arbitrary<JsonNode> notAList = Arbitraries.oneOf(word().map(JSON::textNode), Arbitraries.of(JSON.objectNode()),
                Arbitraries.of(JSON.booleanNode(true), JSON.numberNode(7)));
        return required
                ? Arbitraries.oneOf(tooMany, badItem, notAList, Arbitraries.of(JSON.nullNode()))
                : Arbitraries.oneOf(tooMany, badItem, notAList);
    }

    /** Anything but a JSON object, for a field that must hold one. */
    static Arbitrary<JsonNode> notAnObject() {
        return Arbitraries.oneOf(word().map(JSON::textNode),
                Arbitraries.of(JSON.nullNode(), JSON.booleanNode(false), JSON.numberNode(52), JSON.arrayNode(),
                        JSON.textNode("")));
    }

    /** A lower-case word that no leniency reads as a value ("null", "true", "NaN", digits): always "x" first. */
    static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12).map(s -> "x" + s);
    }

    private static Arbitrary<JsonNode> notANumber() {
        return Arbitraries.oneOf(word().map(JSON::textNode), Arbitraries.of(JSON.booleanNode(true),
                JSON.booleanNode(false)), objectsAndArrays());
    }

    private static Arbitrary<JsonNode> notAString() {
        return objectsAndArrays();
    }

    private static Arbitrary<JsonNode> hugeIntegers() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(60))
                .flatMap(n -> Arbitraries.of(n, n.negate())).map(JSON::numberNode);
    }

    private static Arbitrary<JsonNode> objectsAndArrays() {
        return Arbitraries.of(JSON.objectNode(), JSON.objectNode().put("value", 1), JSON.arrayNode(),
                array(List.of(JSON.textNode("a"), JSON.numberNode(1))));
    }

    private static Arbitrary<JsonNode> tooLong(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f')
                .withCharRange('\u4e00', '\u4fff').ofMinLength(maxLength + 1).ofMaxLength(maxLength + 2_000)
                .map(JSON::textNode);
    }

    private static Arbitrary<JsonNode> blank() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r', '\u000B', '\f').ofMaxLength(20)
                .map(JSON::textNode);
    }

    private static Arbitrary<JsonNode> malformedInstant() {
        return Arbitraries.oneOf(
                word().map(JSON::textNode),
                Arbitraries.of("2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-03T25:00:00Z",
                        "2026-12-03", "18:02:11", "+1000000000-01-01T00:00:00Z", "2026-12-03T18:02:11.123+99:00")
                        .map(JSON::textNode),
                Arbitraries.of(JSON.booleanNode(true)),
                objectsAndArrays());
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = JSON.arrayNode();
        array.addAll(items);
        return array;
    }

    static Set<String> names(String... names) {
        return Set.copyOf(Arrays.asList(names));
    }
}
