package org.onestop.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onestop.platform.InvalidInput;
import org.onestop.platform.Problem;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json. Violations are listed under {@code errors} with
 * their paths; unexpected failures say nothing about internals. Outside {@code /api/} the
 * status is handed to the servlet error page, so people see a page rather than JSON.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = Problem.TYPE_BASE;
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isApi(request)) {
            return page(response, HttpStatus.BAD_REQUEST);
        }
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", e.title(),
                e.violations().size() == 1 ? e.violations().get(0).toString()
                        : e.violations().size() + " problems; see errors");
        problem.setProperty("errors", errors(e.violations()));
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isApi(request)) {
            return page(response, HttpStatus.NOT_FOUND);
        }
        return respond(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> tooLarge(PayloadTooLarge e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE,
                problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        if (!isApi(request)) {
            return page(response, HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "malformed", "Malformed request body",
                BodyErrors.describe(e)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
            try {
                return page(servlet.getResponse(), status);
            } catch (IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_BASE + status.value()));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, body, problemHeaders, status, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    /** Leaves the answer to the servlet error page; returning nothing marks the exception handled. */
    private static ResponseEntity<Object> page(HttpServletResponse response, HttpStatusCode status) throws IOException {
        response.sendError(status.value());
        return null;
    }

    private static ResponseEntity<Object> respond(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static List<Map<String, String>> errors(List<Violation> violations) {
        return violations.stream().map(v -> Map.of("path", v.path(), "message", v.message())).toList();
    }
}
