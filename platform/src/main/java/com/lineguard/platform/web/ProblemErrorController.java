package com.lineguard.platform.web;

import com.lineguard.contracts.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends errors raised outside Spring MVC (a filter's
 * {@code sendError}, a request the security firewall refuses): problem+json with a {@code code} like every other
 * error, instead of Spring Boot's own JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer given && given >= 400 ? given : 500;
        ErrorCode errorCode = Problems.codeFor(code);
        HttpStatus httpStatus = HttpStatus.resolve(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : httpStatus, code >= 500 ? "Unexpected failure; nothing was changed." : "The request was refused.");
        problem.setProperty("code", errorCode.name());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
