package com.lineguard.command.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.lineguard.command.bridge.LegacyData.AlertAcknowledged;
import com.lineguard.command.bridge.LegacyData.EtrPredicted;
import com.lineguard.command.bridge.LegacyData.OutageReported;
import com.lineguard.command.bridge.LegacyData.OutageRestored;
import com.lineguard.contracts.alert.AlertCommands.AcknowledgeAlert;
import com.lineguard.contracts.outage.OutageCommands.PredictEtr;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageFromLegacy;
import com.lineguard.contracts.outage.OutageCommands.ReportOutageRestored;
import com.lineguard.contracts.bridge.CloudEvent;
import com.lineguard.contracts.error.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * From a message on {@code legacy.commands.v1} to the command it asks for, or {@link Unapplicable} saying why not.
 * Each inbound type is one entry of {@link #routes}.
 */
@Component
class LegacyCommandRouter {

    /** The longest CloudEvent id and type the record of handled messages keeps (legacy_message). */
    static final int MAX_ID_LENGTH = 255;

    /** Marks who acted through the back office, so the record tells them apart from users of this system. */
    static final String LEGACY_ACTOR_PREFIX = "legacy:";

    /** The command, who it is recorded as coming from, and the code for "no such aggregate". */
    record LegacyCommand(Object command, String actor, ErrorCode notFound) {
    }

    private record Route<D>(Class<D> dataType, Function<D, LegacyCommand> toCommand) {
    }

    private final Map<String, Route<?>> routes = Map.of(
            "lineguard.legacy.alert-acknowledged", route(AlertAcknowledged.class, data -> {
                String actor = LEGACY_ACTOR_PREFIX + data.by();
                return new LegacyCommand(new AcknowledgeAlert(data.alertId(), actor, data.note()), actor,
                        ErrorCode.ALERT_NOT_FOUND);
            }),
            "lineguard.legacy.outage-reported", route(OutageReported.class, data -> new LegacyCommand(
                    new ReportOutageFromLegacy(data.externalRef(), data.deviceId(), data.location(),
                            data.customersAffected(), data.cause(), data.requiredSkills()),
                    LEGACY_ACTOR_PREFIX + "oms", ErrorCode.OUTAGE_NOT_FOUND)),
            "lineguard.legacy.etr-predicted", route(EtrPredicted.class, data -> new LegacyCommand(
                    new PredictEtr(data.outageId(), data.externalRef(), data.estimatedRestorationAt(), data.reason(),
                            data.confidence()),
                    LEGACY_ACTOR_PREFIX + "predictor", ErrorCode.OUTAGE_NOT_FOUND)),
            "lineguard.legacy.outage-restored", route(OutageRestored.class, data -> new LegacyCommand(
                    new ReportOutageRestored(data.outageId(), data.externalRef()),
                    LEGACY_ACTOR_PREFIX + "oms", ErrorCode.OUTAGE_NOT_FOUND)));

    private final ObjectReader envelopes;
    private final ObjectMapper tolerant;
    private final Validator validator;

    LegacyCommandRouter(ObjectMapper objectMapper, Validator validator) {
        // Tolerant readers: CloudEvent extension attributes and fields the legacy side adds later are no error.
        this.tolerant = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.envelopes = tolerant.readerFor(CloudEvent.class);
        this.validator = validator;
    }

    CloudEvent read(byte[] message) {
        CloudEvent event;
        try {
            event = message == null ? null : envelopes.readValue(message);
        } catch (JsonProcessingException e) {
            throw new Unapplicable(Unapplicable.MALFORMED_MESSAGE, "Not a CloudEvent in structured JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event == null || !CloudEvent.SPEC_VERSION.equals(event.specversion()) || isBlank(event.id())
                || isBlank(event.source()) || isBlank(event.type()) || !(event.data() instanceof Map<?, ?>)) {
            throw new Unapplicable(Unapplicable.MALFORMED_MESSAGE,
                    "A CloudEvent needs specversion \"1.0\", id, source, type and a JSON object as data.");
        }
        if (event.id().length() > MAX_ID_LENGTH || event.type().length() > MAX_ID_LENGTH) {
            throw new Unapplicable(Unapplicable.MALFORMED_MESSAGE,
                    "A CloudEvent's id and type may have at most " + MAX_ID_LENGTH + " characters.");
        }
        return event;
    }

    LegacyCommand commandFor(CloudEvent event) {
        Route<?> route = routes.get(event.type());
        if (route == null) {
            throw new Unapplicable(Unapplicable.UNKNOWN_TYPE, "Unknown type " + event.type() + ".");
        }
        return commandFor(route, event.data());
    }

    private <D> LegacyCommand commandFor(Route<D> route, Object data) {
        D parsed;
        try {
            parsed = tolerant.convertValue(data, route.dataType());
        } catch (IllegalArgumentException e) {
            throw new Unapplicable(ErrorCode.VALIDATION_FAILED.name(), "Invalid data: " + e.getMessage());
        }
        Set<ConstraintViolation<D>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            throw new Unapplicable(ErrorCode.VALIDATION_FAILED.name(), violations.stream()
                    .map(v -> "data." + v.getPropertyPath() + " " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        return route.toCommand().apply(parsed);
    }

    private static <D> Route<D> route(Class<D> dataType, Function<D, LegacyCommand> toCommand) {
        return new Route<>(dataType, toCommand);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
