package org.onestop.mandates;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Requested by the agent, active once the principal confirms, revoked by either side. Expiry follows from the dates. */
public enum MandateStatus {
    @JsonProperty("requested")
    REQUESTED,
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("revoked")
    REVOKED
}
