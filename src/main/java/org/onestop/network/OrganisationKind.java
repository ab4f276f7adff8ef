package org.onestop.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an organisation is to the network. */
public enum OrganisationKind {
    @JsonProperty("public-agency")
    PUBLIC_AGENCY,
    @JsonProperty("private-partner")
    PRIVATE_PARTNER,
    @JsonProperty("intermediary")
    INTERMEDIARY
}
