package org.onestop.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an application reached the platform. */
public enum Channel {
    @JsonProperty("portal")
    PORTAL,
    @JsonProperty("api")
    API,
    @JsonProperty("bulk")
    BULK,
    @JsonProperty("assisted")
    ASSISTED
}
