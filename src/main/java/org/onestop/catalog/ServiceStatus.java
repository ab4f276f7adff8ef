package org.onestop.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Only a published version takes new applications; a retired one still finishes those under way. */
public enum ServiceStatus {
    @JsonProperty("draft")
    DRAFT,
    @JsonProperty("published")
    PUBLISHED,
    @JsonProperty("retired")
    RETIRED
}
