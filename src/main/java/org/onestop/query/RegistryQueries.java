package org.onestop.query;

import java.util.List;
import java.util.UUID;

/**
 * Asks a provider's query service on behalf of a consumer: checks the agreement, the request and
 * the case, forwards the request signed by the platform, checks the answer, returns it signed by
 * the platform, and writes a {@code registry-queried} event whatever the outcome.
 */
public interface RegistryQueries {

    /**
     * @throws org.onestop.platform.NotFound for an unknown provider or service
     * @throws org.onestop.platform.InvalidInput when the request does not match the service's request schema
     * @throws org.onestop.platform.Problem 403 without an agreement in force; 502, 503 or 504 when the provider fails
     */
    QueryAnswer ask(QueryCall call);

    /**
     * Records that earlier queries, asked before the application existed (the portal's prefill),
     * concern this application: one {@code registry-query-attributed} event per query, with the
     * case and application ids and the query's attributes, read from the platform-signed answer
     * ({@link QueryAnswer#signature()}); an answer whose signature does not verify is skipped.
     */
    void attribute(List<String> signedAnswers, UUID applicationId);
}
