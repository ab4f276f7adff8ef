package org.onestop.access.internal;

import java.time.Clock;

import org.onestop.network.Organisations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: the ledger's public reads (no credentials, so none are looked for), the
 * stateless API ({@code /api/**}: HTTP Basic staff or member bearer JWT, problem+json refusals)
 * and the session-based pages (form sign-in with CSRF).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'; object-src 'none'";

    private static final String[] NETWORK_AND_CATALOG = {"/api/v1/organisations/**", "/api/v1/agreements/**",
            "/api/v1/services/**", "/api/v1/network-definition"};
    private static final String[] INTAKE = {"/api/v1/services/*/applications", "/api/v1/services/*/applications:batch"};

    @Bean
    MemberTokenVerifier memberTokenVerifier(Organisations organisations, MemberTokenUses uses, Environment environment,
            Clock clock) {
        return new MemberTokenVerifier(organisations, uses, new PlatformAudience(environment), clock);
    }

    /**
     * Checkpoints and proofs are hashes anyone may check, asked for often (a verifier asks for one
     * per entry it samples): this chain carries only what such a request needs, without the member
     * token and HTTP Basic filters of the API chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain ledger(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/v1/ledger/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, MemberTokenVerifier verifier, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, INTAKE).authenticated()
                        .requestMatchers(HttpMethod.GET, NETWORK_AND_CATALOG).authenticated()
                        .requestMatchers(HttpMethod.POST, NETWORK_AND_CATALOG).hasRole("MANAGER")
                        .requestMatchers(HttpMethod.PUT, NETWORK_AND_CATALOG).hasRole("MANAGER")
                        .requestMatchers(HttpMethod.PATCH, NETWORK_AND_CATALOG).hasRole("MANAGER")
                        .requestMatchers(HttpMethod.DELETE, NETWORK_AND_CATALOG).hasRole("MANAGER")
                        .requestMatchers("/api/v1/platform-keys:rotate").hasRole("MANAGER")
                        // the principal opens the one-time link without an account; the token is the credential
                        .requestMatchers(HttpMethod.POST, "/api/v1/mandates:confirm").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName("onestop").authenticationEntryPoint(problems))
                .addFilterBefore(new MemberTokenFilter(verifier, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/sign-in", "/assets/**", "/webjars/**", "/css/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/.well-known/jwks.json",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/apply/**", "/status/**", "/mandates/confirm/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("MANAGER")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .failureUrl("/sign-in?error")
                        .defaultSuccessUrl("/console", false)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(options -> { })
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
