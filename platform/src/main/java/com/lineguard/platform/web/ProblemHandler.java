package com.lineguard.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.RateLimited;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.failure.Causes;
import com.lineguard.platform.failure.DatabaseUnreachable;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error leaves as problem+json with a stable {@code code}; nothing else is ever sent to a client. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected e) {
        if (e.code() == ErrorCode.VALIDATION_FAILED) {
            String field = e.field() == null ? "request" : e.field();
            return respond(Problems.invalid(e.getMessage(), List.of(Map.of("field", field, "message", e.getMessage()))));
        }
        return respond(Problems.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
        return ResponseEntity.status(e.code().status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(Problems.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(ErrorCode.FORBIDDEN, "Your role does not allow this call."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return respond(Problems.invalid("A parameter is malformed or out of range.",
                List.of(Map.of("field", parameterName(e), "message", "is malformed or out of range"))));
    }

    private static ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(503)
                .header(HttpHeaders.RETRY_AFTER, "5")
                // A connection lost during the commit leaves its outcome unknown; the key makes the retry safe.
                .body(Problems.of(ErrorCode.UNAVAILABLE,
                        "Temporarily unavailable. Retry shortly with the same Idempotency-Key: it is never done twice."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // One classification of a lost database, whatever Axon or the transaction manager wrapped it in.
        if (DatabaseUnreachable.causedIt(e)) {
            return databaseDown(e);
        }
        log.error("Unexpected failure", e);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, "Unexpected failure; nothing was changed."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError)
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(Map.of("field", g.getObjectName(), "message", String.valueOf(g.getDefaultMessage()))));
        return new ResponseEntity<>(Problems.invalid("The request body is invalid.", errors), headers, 400);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return new ResponseEntity<>(Problems.invalid("The request is invalid.", errors), headers, 400);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (Causes.anyMatch(e, RequestBodyLimit.BodyTooLarge.class::isInstance)) {
            return new ResponseEntity<>(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, e.getMostSpecificCause().getMessage()),
                    headers, ErrorCode.PAYLOAD_TOO_LARGE.status());
        }
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        return new ResponseEntity<>(Problems.invalid("The request body is not valid JSON of the expected shape.",
                List.of(Map.of("field", field, "message", "is missing, malformed or of the wrong type"))), headers, 400);
    }

    /** Spring's own exceptions (404, 405, 406, 413, 415 ...) get a {@code code} too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            // A path variable that converts to nothing is answered 400, while Spring's problem still says 500.
            if (problem.getStatus() != status.value()) {
                problem.setStatus(status.value());
                problem.setTitle(null);
            }
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", Problems.codeFor(status.value()).name());
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String parameterName(Exception e) {
        return e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : "parameter";
    }
}
