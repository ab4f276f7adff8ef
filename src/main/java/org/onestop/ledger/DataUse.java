package org.onestop.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One use of an application's data, as the ledger recorded it.
 *
 * @param kind what happened: a delivery to the organisation's system, a registry query, or an operator's view
 * @param purpose the step the data was used for, or the stated purpose of a query
 * @param fields the names of the fields used (never their values)
 * @param ledgerIndex the event's ledger entry, or {@code null} while it is still queued for the ledger
 */
public record DataUse(Kind kind, Instant at, UUID caseId, String organisation, String purpose, List<String> fields,
        String agreement, String legalBasis, String actor, Long ledgerIndex) {

    public DataUse {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public enum Kind {
        DELIVERY("delivery-created"), REGISTRY_QUERY("registry-queried"), OPERATOR_VIEW("data-viewed"),
        /** A query made before the application existed (the portal's prefill), attributed to it on submission. */
        PREFILL_QUERY("registry-query-attributed");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }

    /** The address of this use's inclusion proof against the latest checkpoint, once it is in the ledger. */
    public String proofPath() {
        return ledgerIndex == null ? null : "/api/v1/ledger/entries/" + ledgerIndex + "/inclusion";
    }
}
