package com.lineguard.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details with the extra member {@code code} (API.md "Conventions"). */
@Component
public class Problems {

    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(ErrorCode.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** For filters, which answer before Spring MVC's exception handling is reached. */
    public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), of(code, detail));
    }
}
