package org.onestop.access.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onestop.platform.Problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 on the API as RFC 9457 problem details ({@code application/problem+json}), with a {@code reason} code. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The same base as the platform's MVC problem responses. */
    static final String TYPE_BASE = Problem.TYPE_BASE;

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason;
        String detail;
        if (exception instanceof MemberTokenRefused refused) {
            reason = refused.reason().code;
            detail = refused.getMessage();
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        } else {
            if (exception instanceof BadCredentialsException || exception instanceof DisabledException) {
                reason = "bad-credentials";
                detail = "The staff username or password is wrong, or the account is disabled.";
            } else if (exception instanceof InsufficientAuthenticationException) {
                reason = "no-credentials";
                detail = "Send HTTP Basic staff credentials or a member bearer token (a JWT signed with a registered key).";
            } else {
                reason = "not-authenticated";
                detail = "The credentials were refused.";
            }
            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"onestop\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, reason, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + reason);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("reason", reason);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), problem);
    }
}
