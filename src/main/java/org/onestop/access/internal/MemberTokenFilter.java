package org.onestop.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <member JWT>} on the API; any refusal ends the request with a 401 problem. */
final class MemberTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final MemberTokenVerifier verifier;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    MemberTokenFilter(MemberTokenVerifier verifier, AuthenticationEntryPoint entryPoint) {
        this.verifier = verifier;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        MemberAuthentication member;
        try {
            member = verifier.verify(header.substring(BEARER.length()).strip());
        } catch (MemberTokenRefused refused) {
            contexts.clearContext();
            entryPoint.commence(request, response, refused);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(member);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
