package com.lineguard.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.axon.AxonConfiguration;
import com.lineguard.platform.failure.Causes;
import com.lineguard.platform.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way an HTTP call changes something. The command, its events, its deadlines and the stored
 * idempotent response commit in one database transaction: a crash at any instant leaves the call either fully done
 * or not done, and a retried call with the same {@code Idempotency-Key} gets the first answer again.
 * <p>
 * Only an accepted call's answer is kept. A refused call rolls back with everything else, so a retry after its cause
 * is gone (the crew member signed in again to cancel a timer, say) is decided afresh instead of being refused again.
 */
@Component
public class CommandExecutor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_ATTEMPTS = 5;

    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final IdempotentResponses responses;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public CommandExecutor(CommandGateway commandGateway, PlatformTransactionManager transactionManager,
                           IdempotentResponses responses, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.transaction = new TransactionTemplate(transactionManager);
        this.responses = responses;
        this.objectMapper = objectMapper;
        this.clock = Clock.systemUTC();
    }

    /** Runs {@code call} (which sends commands with {@link #send}) exactly once per idempotency key. */
    public ResponseEntity<?> execute(HttpServletRequest request, Actor actor, Supplier<ResponseEntity<?>> call) {
        String key = idempotencyKey(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> once(request, actor, key, call));
            } catch (RuntimeException e) {
                // Another node or a deadline appended to the same aggregate first: decide again on the new state.
                if (attempt >= MAX_ATTEMPTS || !isConcurrencyConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** Sends a command in the caller's transaction, recording who sent it and the request's correlation id. */
    public <R> R send(Object command, Actor actor) {
        MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, actor.id());
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            metaData = metaData.and(AxonConfiguration.CORRELATION_ID, correlationId);
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private ResponseEntity<?> once(HttpServletRequest request, Actor actor, String key,
                                   Supplier<ResponseEntity<?>> call) {
        if (key != null) {
            Optional<IdempotentResponses.StoredResponse> earlier =
                    responses.claim(actor.id(), key, request.getMethod() + " " + request.getRequestURI(), clock.instant());
            if (earlier.isPresent()) {
                IdempotentResponses.StoredResponse stored = earlier.get();
                ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status());
                if (stored.contentType() != null) {
                    replay.contentType(MediaType.parseMediaType(stored.contentType()));
                }
                return replay.body(stored.body());
            }
        }
        ResponseEntity<?> response = call.get();
        if (key != null) {
            responses.complete(actor.id(), key, response.getStatusCode().value(),
                    response.getBody() == null ? null : MediaType.APPLICATION_JSON_VALUE, bodyOf(response));
        }
        return response;
    }

    private byte[] bodyOf(ResponseEntity<?> response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        try {
            return objectMapper.writeValueAsBytes(response.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response for replay", e);
        }
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw Rejected.invalid(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " must be 1 to 128 characters.");
        }
        return key;
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        return Causes.anyMatch(e, ConcurrencyException.class::isInstance);
    }
}
