package org.onestop.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the orchestrator governs an activity: done in-house, contracted out, or run as a partnership. */
public enum GovernanceMode {
    @JsonProperty("in-house")
    IN_HOUSE,
    @JsonProperty("contract")
    CONTRACT,
    @JsonProperty("partnership")
    PARTNERSHIP
}
