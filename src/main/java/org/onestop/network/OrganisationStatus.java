package org.onestop.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A suspended organisation keeps its history but can neither call the platform nor receive work. */
public enum OrganisationStatus {
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("suspended")
    SUSPENDED
}
